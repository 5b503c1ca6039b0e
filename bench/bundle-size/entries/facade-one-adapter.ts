// Bundle (b): the facade with one adapter (IONOS), reading one order.
import { createCertificateClient } from "@certkit/certificates";
import { ionos } from "@certkit/certificates/ionos";

/** Reads one order's normalized status. */
export async function orderStatus(apiKey: string, id: string): Promise<string> {
  const certs = createCertificateClient(ionos({ apiKey }));
  return (await certs.get(id)).status;
}
