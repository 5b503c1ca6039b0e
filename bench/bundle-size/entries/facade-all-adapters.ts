// Bundle (c): the facade with all five adapters, reading one order from whichever provider holds it.
import { createCertificateClient, type CertificateClient } from "@certkit/certificates";
import { dnsimple } from "@certkit/certificates/dnsimple";
import { dnsimpleV1 } from "@certkit/certificates/dnsimple-v1";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import { resello } from "@certkit/certificates/resello";
import { sslmarket } from "@certkit/certificates/sslmarket";

/** The credentials of every provider account. */
export interface Accounts {
  ionosApiKey: string;
  dnsimpleToken: string;
  dnsimpleV1: { email: string; token: string; contactId: number };
  resello: { resellerReference: string; apiKey: string };
  sslmarketToken: string;
}

/** Reads one order's normalized status from its provider. */
export async function orderStatus(accounts: Accounts, provider: string, id: string): Promise<string> {
  const clients: Record<string, () => CertificateClient> = {
    "ionos-ssl": () => createCertificateClient(ionosSsl({ apiKey: accounts.ionosApiKey })),
    dnsimple: () => createCertificateClient(dnsimple({ token: accounts.dnsimpleToken })),
    "dnsimple-v1": () => createCertificateClient(dnsimpleV1(accounts.dnsimpleV1)),
    resello: () => createCertificateClient(resello(accounts.resello)),
    sslmarket: () => createCertificateClient(sslmarket({ token: accounts.sslmarketToken })),
  };
  const client = clients[provider];
  if (!client) throw new Error(`no adapter for ${provider}`);
  return (await client().get(id)).status;
}
