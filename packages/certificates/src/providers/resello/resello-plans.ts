import { unwrapResello, type ReselloClient } from "@certkit/resello";
import { CertkitError, unwrap } from "@certkit/runtime";
import type { ProductLimits } from "../../capabilities.js";
import { invalidInput } from "../../checks/invalid-input.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is written as a UUID, as Resello's plan ids are. */
export function isPlanId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The limits given for `planId` in the adapter's `plans` option, or `undefined`. */
export function knownPlanLimits(
  plans: readonly ProductLimits[] | undefined,
  planId: string | undefined,
): ProductLimits | undefined {
  if (planId === undefined) return undefined;
  return plans?.find((plan) => plan.id.toLowerCase() === planId.toLowerCase());
}

/**
 * Reads the plan from Resello before an order that no static limits cover, and rejects the order (`INVALID_INPUT`,
 * naming the field, before anything is bought) when the plan is not on offer or runs another number of years than
 * asked. A plan's `interval` is its term in months; one that is not whole years is not checked against `years`.
 */
export async function checkPlanBeforeOrder(
  client: ReselloClient,
  planId: string,
  years: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const data = unwrap(await client.GET("/ssl-certificate-plan", { params: { query: { id: planId } }, signal }));
  const plans = unwrapResello(data);
  if (!Array.isArray(plans)) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: "resello",
      message: "Resello API: GET /ssl-certificate-plan answered something that is not a list of plans",
    });
  }
  const plan = plans.find(
    (candidate) => typeof candidate?.id === "string" && candidate.id.toLowerCase() === planId.toLowerCase(),
  );
  if (!plan)
    throw invalidInput(
      "resello",
      "product",
      `is not a Resello plan on offer: no plan ${planId} (GET /ssl-certificate-plan lists them)`,
    );
  const interval = plan.interval;
  if (typeof interval === "number" && interval > 0 && interval % 12 === 0 && years !== interval / 12) {
    throw invalidInput(
      "resello",
      "years",
      `must be ${interval / 12} for plan "${plan.name}" (${plan.id}), which runs ${interval} months`,
    );
  }
}
