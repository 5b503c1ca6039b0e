import type { CertificateClient, CertificateOrder } from "@certkit/certificates";

/**
 * The order with what its validation asks for: providers that list it apart (`validation()`) are asked when the
 * order awaits it and came without it.
 */
export async function orderWithValidation(
  order: CertificateOrder,
  client: CertificateClient,
  signal: AbortSignal,
): Promise<CertificateOrder> {
  if (order.status !== "awaiting_validation" || order.validation.length > 0 || !client.capabilities.validation)
    return order;
  return { ...order, validation: await client.validation(order.id, { signal }) };
}
