import * as v from "valibot";
import { checkState, isoTime, issuedCertificate, positiveInteger } from "../../state/state-schema.js";
import type { DnsimpleV1State } from "./dnsimple-v1-state.js";

/** Every field of {@link DnsimpleV1State}; test/state-schemas.test-d.ts checks that it is exactly that type. */
export const dnsimpleV1StateSchema = v.object({
  nextId: positiveInteger,
  certificates: v.array(
    v.object({
      id: positiveInteger,
      domainId: positiveInteger,
      contactId: positiveInteger,
      name: v.string(),
      state: v.picklist(["purchased", "configured", "submitted", "issued", "cancelled"]),
      csr: v.string(),
      publicKey: v.string(),
      privateKey: v.nullable(v.string()),
      approverEmails: v.nullable(v.array(v.string())),
      approverEmail: v.nullable(v.string()),
      approvalCode: v.optional(v.string()),
      createdAt: isoTime,
      updatedAt: isoTime,
      configuredAt: v.nullable(isoTime),
      issueAt: v.optional(isoTime),
      issued: v.optional(issuedCertificate),
    }),
  ),
});

/** Throws a `TypeError` naming the first bad field when `state` is not a {@link DnsimpleV1State} (after the shape checks of dnsimple-v1-state). */
export function checkDnsimpleV1StateFields(state: unknown): asserts state is DnsimpleV1State {
  checkState(dnsimpleV1StateSchema, "DNSimple v1", state);
}
