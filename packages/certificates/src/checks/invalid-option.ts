import { CertkitError } from "@certkit/runtime";
import type { ProviderName } from "../certificate-order.js";

/**
 * The error of a malformed adapter option: `INVALID_INPUT` naming the provider and the option, thrown by the adapter's
 * factory before any request. The message reads like the runtime's own option errors (`<name>: option "x" …`).
 */
export function invalidOption(provider: ProviderName, option: string, problem: string): CertkitError {
  return new CertkitError({
    code: "INVALID_INPUT",
    provider,
    message: `${provider}: option "${option}" ${problem}`,
    fieldErrors: { [option]: [problem] },
  });
}
