// Bundle (e): the facade with one adapter (IONOS), ordering with a CSR and downloading the bundle: the X.509 parser
// (CSR checks, chain verification) is loaded by these calls, in chunks of their own.
import { createCertificateClient } from "@certkit/certificates";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";

/** Orders a certificate for a CSR, then downloads what an earlier order issued. */
export async function orderAndDownload(apiKey: string, csr: string, issuedId: string): Promise<string> {
  const certs = createCertificateClient(ionosSsl({ apiKey }));
  await certs.order({ commonName: "shop.example.com", csr, product: "SSL_STARTER" });
  const bundle = await certs.download(issuedId);
  return bundle.certificate + bundle.chain.join("");
}
