import type { ProviderName } from "@certkit/certificates";
import { PROVIDERS, type ProviderOption } from "@certkit/certificates/providers";

/** One environment variable that configures a provider: the option of the provider's descriptor it sets. */
export interface ProviderVariable extends Omit<ProviderOption, "env"> {
  /** The variable's name (`CERTKIT_…`). */
  name: string;
  provider: ProviderName;
}

/** Every variable the CLI reads for providers: each provider's options in the registry's order (the README's). */
export const PROVIDER_VARIABLES: readonly ProviderVariable[] = PROVIDERS.flatMap(({ name: provider, options }) =>
  options.map(({ env, ...option }) => ({ ...option, name: env, provider })),
);

/** The variable naming a config file (`--config` wins over it). */
export const CONFIG_FILE_VARIABLE = "CERTKIT_CONFIG";
/** The variable naming a running sandbox server to use for every provider (`--sandbox URL` wins over it). */
export const SANDBOX_URL_VARIABLE = "CERTKIT_SANDBOX_URL";
/** The variable naming the embedded sandbox's state file. */
export const SANDBOX_STATE_VARIABLE = "CERTKIT_SANDBOX_STATE";
