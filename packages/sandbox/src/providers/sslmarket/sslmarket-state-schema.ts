import * as v from "valibot";
import { checkState, isoTime, issuedCertificate, optionalStrings, positiveInteger } from "../../state/state-schema.js";
import { SSLMARKET_CONTACT_FIELDS } from "./sslmarket-requests.js";
import type { SslmarketState } from "./sslmarket-state.js";

/** Every field of {@link SslmarketState}; test/state-schemas.test-d.ts checks that it is exactly that type. */
export const sslmarketStateSchema = v.object({
  nextOrderId: positiveInteger,
  orders: v.array(
    v.object({
      orderId: positiveInteger,
      productCode: v.string(),
      productType: v.picklist(["ssl_certificate", "client_certificate"]),
      domain: v.string(),
      dnsNames: v.array(v.string()),
      years: positiveInteger,
      csr: v.nullable(v.string()),
      publicKey: v.string(),
      contacts: optionalStrings(SSLMARKET_CONTACT_FIELDS),
      dcvMethod: v.optional(v.picklist(["Email", "FILE", "DNS"])),
      dcvContent: v.string(),
      approvalCodes: v.record(v.string(), v.array(v.string())),
      status: v.picklist(["pending_validation", "processing", "published", "reissuing", "revoked"]),
      insertedAt: isoTime,
      issueAt: v.optional(isoTime),
      certificate: v.optional(issuedCertificate),
      reissue: v.optional(v.object({ csr: v.string(), publicKey: v.string(), dueAt: isoTime })),
      revokedAt: v.optional(isoTime),
    }),
  ),
});

/** Throws a `TypeError` naming the first bad field when `state` is not an {@link SslmarketState} (after the shape checks of sslmarket-state). */
export function checkSslmarketStateFields(state: unknown): asserts state is SslmarketState {
  checkState(sslmarketStateSchema, "SSLmarket", state);
}
