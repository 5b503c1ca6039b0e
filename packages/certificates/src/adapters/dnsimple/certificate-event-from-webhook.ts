import { parseDnsimpleWebhook, type DnsimpleCertificateEventName } from "@certkit/dnsimple";
import type { OperationOptions } from "../../adapter.js";
import type { CertificateOrder } from "../../certificate-order.js";
import type { OrderReader } from "../../wait-for-status.js";
import { encodeDnsimpleOrderId } from "./dnsimple-order-id.js";

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
 * Turns a DNSimple webhook delivery into the normalized order it is about. DNSimple does not sign its webhooks, so
 * only the event's name and the certificate's id are taken from the payload; the order is read again through
 * `client` (a certificate client over the `dnsimple()` adapter). Resolves with `undefined` for events that are not
 * about certificates (`domain.create`, ...).
 *
 * @throws CertkitError `INVALID_INPUT` when the body is not a DNSimple webhook envelope; errors of the fetch as they come.
 */
export async function certificateEventFromDnsimpleWebhook(
  payload: unknown,
  client: OrderReader,
  options: OperationOptions = {},
): Promise<DnsimpleCertificateOrderEvent | undefined> {
  const event = parseDnsimpleWebhook(payload);
  if (!event.known) return undefined;
  const { certificate } = event.data;
  const id = encodeDnsimpleOrderId({ account: event.account.id, domain: String(certificate.domain_id), certificate: certificate.id });
  return { name: event.name, requestIdentifier: event.request_identifier, order: await client.get(id, options) };
}
