import type { DnsimpleCertificateEventName } from "@certkit/dnsimple";
import type { OperationOptions } from "../../adapter.js";
import type { CertificateOrder } from "../../certificate-order.js";
import type { OrderReader } from "../../wait-for-status.js";
import { readDnsimpleCertificateDelivery } from "./dnsimple-certificate-delivery.js";

/** A DNSimple certificate event, with the order as DNSimple's API shows it now. */
export interface DnsimpleCertificateOrderEvent {
  /** The event, e.g. `certificate.issue`. */
  name: DnsimpleCertificateEventName;
  /** The same on every delivery of the event: the key to deduplicate on (see `createWebhookDeduplicator`). */
  requestIdentifier: string;
  /** The certificate, fetched again by id: the payload itself is not signed, so it is never trusted. */
  order: CertificateOrder;
}

/**
 * Turns a DNSimple webhook delivery into the normalized order it is about: {@link readDnsimpleCertificateDelivery},
 * then `client.get()` (a certificate client over the `dnsimple()` adapter). Every delivery costs a request: where
 * repeats are expected (always, with webhooks), read the delivery and claim it with a deduplicator first, as the
 * README shows. Resolves with `undefined` for events that are not about certificates.
 *
 * @throws CertkitError `INVALID_INPUT` when the body is not a DNSimple webhook envelope; errors of the fetch as they come.
 */
export async function certificateEventFromDnsimpleWebhook(
  payload: unknown,
  client: OrderReader,
  options: OperationOptions = {},
): Promise<DnsimpleCertificateOrderEvent | undefined> {
  const delivery = readDnsimpleCertificateDelivery(payload);
  if (!delivery) return undefined;
  return {
    name: delivery.name,
    requestIdentifier: delivery.requestIdentifier,
    order: await client.get(delivery.orderId, options),
  };
}
