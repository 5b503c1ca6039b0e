import { CertkitError } from "@certkit/runtime";

/** Where a DNSimple certificate lives: the account, the domain (name or numeric id) and the certificate id. */
export interface DnsimpleCertificateRef {
  account: number;
  domain: string;
  certificate: number;
}

const ORDER_ID = /^(\d+)\/([^/\s]+)\/(\d+)$/;

/**
 * The facade's order id of a DNSimple certificate: `<account>/<domain>/<certificate>`, e.g. `1010/example.com/100001`.
 * The domain may be its name or its numeric id (a webhook event's `domain_id`): DNSimple's paths take both.
 */
export function encodeDnsimpleOrderId(ref: DnsimpleCertificateRef): string {
  return `${ref.account}/${ref.domain}/${ref.certificate}`;
}

/**
 * A DNSimple id (a certificate's, a purchase's) read from an answer: a whole number, as DNSimple sends them.
 *
 * @throws CertkitError `PROVIDER` when the answer holds none (no later call could address what it names).
 */
export function dnsimpleIdIn(value: unknown, field: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  throw new CertkitError({
    code: "PROVIDER",
    provider: "dnsimple",
    message: `dnsimple: the answer has no ${field} (a whole number)`,
  });
}

/**
 * Reads an order id made by {@link encodeDnsimpleOrderId}.
 *
 * @throws CertkitError `INVALID_INPUT` when `id` is not one; no request is sent.
 */
export function decodeDnsimpleOrderId(id: unknown): DnsimpleCertificateRef {
  const match = typeof id === "string" ? ORDER_ID.exec(id) : null;
  const account = Number(match?.[1]);
  const certificate = Number(match?.[3]);
  // A domain of `.` or `..` would be resolved away from the path, and the request sent to another endpoint.
  if (!match || !Number.isSafeInteger(account) || !Number.isSafeInteger(certificate) || /^\.\.?$/.test(match[2]!)) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "dnsimple",
      message:
        "dnsimple: id must be an order id of this adapter: <account>/<domain>/<certificate>, e.g. 1010/example.com/100001",
      fieldErrors: { id: ["must be <account>/<domain>/<certificate>"] },
    });
  }
  return { account, domain: match[2]!, certificate };
}
