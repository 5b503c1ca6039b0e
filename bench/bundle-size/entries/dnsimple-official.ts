// Bundle (d): DNSimple's official client making the same call as bundle (a)'s DNSimple entry.
import { DNSimple } from "dnsimple";

/** Reads one certificate's state. */
export async function certificateState(
  accessToken: string,
  account: number,
  domain: string,
  certificate: number,
): Promise<string> {
  const client = new DNSimple({ accessToken });
  const { data } = await client.certificates.getCertificate(account, domain, certificate);
  return data.state;
}
