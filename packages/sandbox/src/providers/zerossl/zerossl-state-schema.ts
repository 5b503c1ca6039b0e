import * as v from "valibot";
import { checkState, isoTime, issuedCertificate, positiveInteger } from "../../state/state-schema.js";
import type { ZerosslState } from "./zerossl-state.js";

/** Every field of {@link ZerosslState}; test/state-schemas.test-d.ts checks that it is exactly that type. */
export const zerosslStateSchema = v.object({
  certificates: v.array(
    v.object({
      id: v.string(),
      commonName: v.string(),
      additionalDomains: v.array(v.string()),
      validityDays: positiveInteger,
      publicKey: v.string(),
      csrHash: v.string(),
      uniqueValue: v.string(),
      status: v.picklist(["draft", "pending_validation", "issued", "cancelled", "revoked"]),
      createdAt: isoTime,
      validationType: v.optional(v.picklist(["EMAIL", "CNAME_CSR_HASH", "HTTP_CSR_HASH", "HTTPS_CSR_HASH"])),
      approvals: v.optional(v.array(v.object({ name: v.string(), email: v.string(), code: v.string() }))),
      activeAt: v.optional(isoTime),
      issued: v.optional(issuedCertificate),
    }),
  ),
});

/** Throws a `TypeError` naming the first bad field when `state` is not a {@link ZerosslState}. */
export function checkZerosslState(state: unknown): asserts state is ZerosslState {
  checkState(zerosslStateSchema, "ZeroSSL", state);
}
