import * as v from "valibot";
import { checkState, integer, isoTime, issuedCertificate, positiveInteger } from "../../state/state-schema.js";
import type { DnsimpleState } from "./dnsimple-state.js";

const record = v.object({
  id: positiveInteger,
  domainId: integer,
  name: v.string(),
  commonName: v.string(),
  alternateNames: v.array(v.string()),
  autoRenew: v.boolean(),
  signatureAlgorithm: v.picklist(["ECDSA", "RSA"]),
  contactId: v.nullable(integer),
  state: v.picklist(["new", "requesting", "issued", "failed", "cancelled"]),
  createdAt: isoTime,
  updatedAt: isoTime,
  renewalId: v.optional(positiveInteger),
  dueAt: v.optional(isoTime),
  challenges: v.array(v.object({ name: v.string(), value: v.string() })),
  csr: v.optional(v.string()),
  privateKey: v.optional(v.string()),
  issued: v.optional(issuedCertificate),
});

/** Every field of {@link DnsimpleState}; test/state-schemas.test-d.ts checks that it is exactly that type. */
export const dnsimpleStateSchema = v.object({
  certificates: v.array(record),
  renewals: v.array(
    v.object({
      id: positiveInteger,
      oldCertificateId: positiveInteger,
      newCertificateId: positiveInteger,
      state: v.picklist(["new", "renewing", "renewed", "failed", "cancelled"]),
      autoRenew: v.boolean(),
      createdAt: isoTime,
      updatedAt: isoTime,
    }),
  ),
  webhooks: v.array(v.object({ id: positiveInteger, url: v.string() })),
  nextIds: v.object({ certificate: positiveInteger, renewal: positiveInteger, webhook: positiveInteger }),
});

/** Throws a `TypeError` naming the first bad field when `state` is not a {@link DnsimpleState} (after the shape checks of dnsimple-state). */
export function checkDnsimpleStateFields(state: unknown): asserts state is DnsimpleState {
  checkState(dnsimpleStateSchema, "DNSimple", state);
}
