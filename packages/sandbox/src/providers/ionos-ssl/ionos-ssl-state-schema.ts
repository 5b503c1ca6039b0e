import * as v from "valibot";
import { checkState, isoTime, issuedCertificate } from "../../state/state-schema.js";
import type { IonosState } from "./ionos-ssl-state.js";

/** Every field of {@link IonosState}; test/state-schemas.test-d.ts checks that it is exactly that type. */
export const ionosStateSchema = v.object({
  orders: v.array(
    v.object({
      id: v.string(),
      certificateType: v.picklist([
        "SSL_STARTER",
        "SSL_STARTER_WILDCARD",
        "SSL_BUSINESS",
        "SSL_BUSINESS_WILDCARD",
        "SSL_PREMIUM",
      ]),
      commonName: v.string(),
      authentication: v.object({
        id: v.string(),
        method: v.picklist(["DNS", "FILE", "EMAIL"]),
        name: v.string(),
        content: v.string(),
        status: v.picklist(["WAITING_FOR_CUSTOMER", "PENDING", "AUTHENTICATED", "FAILED"]),
      }),
      publicKey: v.optional(v.string()),
      approvalCode: v.optional(v.string()),
      activeAt: v.optional(isoTime),
      issued: v.optional(issuedCertificate),
    }),
  ),
});

/** Throws a `TypeError` naming the first bad field when `state` is not an {@link IonosState}. */
export function checkIonosState(state: unknown): asserts state is IonosState {
  checkState(ionosStateSchema, "IONOS", state);
}
