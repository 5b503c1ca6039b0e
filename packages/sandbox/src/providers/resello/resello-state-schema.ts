import * as v from "valibot";
import { checkState, integer, isoTime, issuedCertificate, optionalStrings } from "../../state/state-schema.js";
import { RESELLO_ORGANIZATION_FIELDS } from "./resello-requests.js";
import type { ReselloState } from "./resello-state.js";

const dcvType = v.picklist(["EMAIL", "FILE", "DNS"]);

/** Every field of {@link ReselloState}; test/state-schemas.test-d.ts checks that it is exactly that type. */
export const reselloStateSchema = v.object({
  orders: v.array(
    v.object({
      id: v.string(),
      plan: v.string(),
      clientReference: v.nullable(v.string()),
      status: v.picklist(["pending", "active", "disabled"]),
      dcvType,
      approverEmailAddress: v.nullable(v.string()),
      commonName: v.string(),
      csr: v.string(),
      publicKey: v.string(),
      organization: optionalStrings(RESELLO_ORGANIZATION_FIELDS),
      domains: v.array(
        v.object({
          name: v.string(),
          domain: v.string(),
          dcvType,
          status: v.picklist(["pending", "validated"]),
          dns: v.object({ name: v.string(), value: v.string() }),
          file: v.object({ url: v.string(), content: v.string() }),
          email: v.optional(v.object({ to: v.string(), code: v.string(), sentAt: isoTime })),
          validatedAt: v.optional(isoTime),
        }),
      ),
      createdAt: isoTime,
      activeAt: v.optional(isoTime),
      issued: v.optional(issuedCertificate),
      disabledAt: v.optional(isoTime),
      renewals: v.pipe(integer, v.minValue(0)),
    }),
  ),
  tokens: v.array(
    v.object({
      clientId: v.string(),
      accessToken: v.string(),
      expiresAt: isoTime,
      refreshToken: v.string(),
      refreshExpiresAt: isoTime,
    }),
  ),
});

/** Throws a `TypeError` naming the first bad field when `state` is not a {@link ReselloState} (after the shape checks of resello-state). */
export function checkReselloStateFields(state: unknown): asserts state is ReselloState {
  checkState(reselloStateSchema, "Resello", state);
}
