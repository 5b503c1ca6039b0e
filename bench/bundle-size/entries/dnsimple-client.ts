// Bundle (a), DNSimple: the certkit client making the same call as the official client's bundle (d).
import { createDnsimpleClient } from "@certkit/dnsimple";

/** Reads one certificate's state. */
export async function certificateState(
  token: string,
  account: number,
  domain: string,
  certificate: number,
): Promise<string> {
  const dnsimple = createDnsimpleClient({ token });
  const { data, error } = await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}", {
    params: { path: { account, domain, certificate } },
  });
  if (error) throw error;
  return data.data.state;
}
