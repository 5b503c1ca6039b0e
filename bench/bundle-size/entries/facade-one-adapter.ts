// Bundle (b): the facade with one adapter (IONOS), reading orders: one, and the list.
import { createCertificateClient } from "@certkit/certificates";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";

/** Reads one order's normalized status, and the names of every order. */
export async function orderStatus(apiKey: string, id: string): Promise<{ status: string; names: string[] }> {
  const certs = createCertificateClient(ionosSsl({ apiKey }));
  const names: string[] = [];
  for await (const order of certs.list()) names.push(order.commonName);
  return { status: (await certs.get(id)).status, names };
}
