import { CertkitError } from "@certkit/runtime";
import type { ProviderName } from "../certificate-order.js";

/** The error of a rejected order field: `INVALID_INPUT`, naming the field, before any request is sent. */
export function invalidInput(provider: ProviderName, field: string, problem: string): CertkitError {
  return new CertkitError({
    code: "INVALID_INPUT",
    provider,
    message: `order: ${field} ${problem}`,
    fieldErrors: { [field]: [problem] },
  });
}
