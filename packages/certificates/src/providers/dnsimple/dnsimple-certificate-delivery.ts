import { parseDnsimpleWebhook, type DnsimpleCertificateEventName } from "@certkit/dnsimple";
import { encodeDnsimpleOrderId } from "./dnsimple-order-id.js";

/** What a DNSimple certificate event's delivery says, and all of it a handler may trust: which event, which order. */
export interface DnsimpleCertificateDelivery {
  /** The event, e.g. `certificate.issue`. */
  name: DnsimpleCertificateEventName;
  /** The same on every delivery of the event: the key to deduplicate on (see `createWebhookDeduplicator`). */
  requestIdentifier: string;
  /** The order the event is about, as the `dnsimple()` adapter's `get()` takes it. */
  orderId: string;
}

/**
 * Reads a DNSimple webhook delivery without any request: the event's name, its `request_identifier` and the order it
 * is about. DNSimple does not sign its webhooks, so nothing else is taken from the payload: read the order through
 * the client, after claiming the delivery with a deduplicator (so repeats cost no request). Resolves to `undefined`
 * for events that are not about certificates (`domain.create`, `dnssec.rotation_start`, ...).
 *
 * @throws CertkitError `INVALID_INPUT` when the body is not a DNSimple webhook envelope.
 */
export function readDnsimpleCertificateDelivery(body: unknown): DnsimpleCertificateDelivery | undefined {
  const event = parseDnsimpleWebhook(body);
  if (!event.known) return undefined;
  const { certificate } = event.data;
  return {
    name: event.name,
    requestIdentifier: event.request_identifier,
    orderId: encodeDnsimpleOrderId({
      account: event.account.id,
      domain: String(certificate.domain_id),
      certificate: certificate.id,
    }),
  };
}
