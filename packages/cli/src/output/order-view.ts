import type { CertificateOrder, DomainValidation } from "@certkit/certificates";
import { formatOrderRef } from "../order-ref.js";
import { DAY_MS } from "@certkit/runtime";

/**
 * An order as `--json` prints it: the facade's `CertificateOrder` without `raw` (the provider's whole answer, which
 * is not part of the stable output), plus `ref` (what the commands take) and `daysLeft`.
 */
export interface OrderJson extends Omit<CertificateOrder, "raw"> {
  /** `provider:id`, what every command takes. */
  ref: string;
  /** Whole days until `validUntil` (negative once past), when the provider gives an end date. */
  daysLeft?: number;
}

/** Whole days from `now` until `validUntil`, rounded down; `undefined` without an end date. */
export function daysLeft(order: Pick<CertificateOrder, "validUntil">, now: Date): number | undefined {
  if (order.validUntil === undefined) return undefined;
  return Math.floor((Date.parse(order.validUntil) - now.getTime()) / DAY_MS);
}

/** The `--json` form of an order. */
export function orderJson(order: CertificateOrder, now: Date): OrderJson {
  const rest: Omit<CertificateOrder, "raw"> & { raw?: unknown } = { ...order };
  delete rest.raw;
  const days = daysLeft(order, now);
  return { ref: formatOrderRef(order), ...rest, ...(days === undefined ? {} : { daysLeft: days }) };
}

/** The order's names: the common name, then the others. */
export function namesOf(order: Pick<CertificateOrder, "commonName" | "altNames">): string[] {
  return [order.commonName, ...order.altNames.filter((name) => name !== order.commonName)];
}

/** What the person must do for each domain, one or two lines each; a validation that is done needs nothing. */
export function validationLines(validations: readonly DomainValidation[], provider: string): string[] {
  return validations.flatMap((validation) => {
    const head = `${validation.domain} (${validation.method}, ${validation.status})`;
    if (validation.status === "valid") return [`${head}: done`];
    if (validation.dns)
      return [
        `${head}: publish a DNS ${validation.dns.type} record`,
        `    ${validation.dns.name}  ${validation.dns.type}  "${validation.dns.value}"`,
      ];
    if (validation.file)
      return [`${head}: serve this content at ${validation.file.url}`, `    ${validation.file.content}`];
    if (validation.email)
      return [
        `${head}: an approver approves the CA's email, sent to one of`,
        `    ${validation.email.approvers.join(", ")}`,
      ];
    return [`${head}: nothing to publish: ${provider} does this validation itself`];
  });
}

/** `certkit show`'s text: one `field: value` line each, then the validation. */
export function orderLines(order: CertificateOrder, now: Date): string[] {
  const days = daysLeft(order, now);
  const fields: [string, string | undefined][] = [
    ["order", formatOrderRef(order)],
    ["names", namesOf(order).join(", ")],
    ["status", `${order.status} (${order.provider}: ${order.providerStatus || "no status"})`],
    ["reason", order.reason],
    ["message", order.message],
    ["product", order.product],
    ["valid from", order.validFrom],
    ["valid until", order.validUntil === undefined ? undefined : `${order.validUntil} (${days} days left)`],
    ["created", order.createdAt],
    ["updated", order.updatedAt],
  ];
  const lines = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `${`${name}:`.padEnd(13)}${value}`);
  if (order.validation.length > 0)
    lines.push("validation:", ...validationLines(order.validation, order.provider).map((line) => `  ${line}`));
  return lines;
}
