import { CertkitError } from "@certkit/runtime";
import type { ProviderName } from "../certificate-order.js";

/** The error of a rejected input field: `INVALID_INPUT`, naming the operation and the field, before any request. */
export function invalidInput(
  provider: ProviderName,
  field: string,
  problem: string,
  operation = "order",
): CertkitError {
  return new CertkitError({
    code: "INVALID_INPUT",
    provider,
    message: `${operation}: ${field} ${problem}`,
    fieldErrors: { [field]: [problem] },
  });
}
