import type { ProviderName } from "@certkit/certificates";
import { PROVIDER_NAMES } from "@certkit/certificates/providers";
import { didYouMean } from "./arguments/closest-name.js";
import { UsageError } from "./usage-error.js";

/** Every provider the CLI can drive, in the order tables list them: the registry's. */
export { PROVIDER_NAMES };

/** Whether `value` names a provider. */
export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** The error for a name that is no provider's, with the one meant when it is close. */
export function unknownProvider(name: string): UsageError {
  return new UsageError(
    `there is no provider "${name}"${didYouMean(name, PROVIDER_NAMES)} (certkit providers lists them)`,
  );
}
