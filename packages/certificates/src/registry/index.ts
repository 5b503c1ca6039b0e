/**
 * Every provider of `@certkit/certificates`, each described once (`@certkit/certificates/providers`): its name,
 * capabilities, status table, options and environment variables, and its adapter. Programs that drive every
 * provider (the CLI, the fleet, the README tables) iterate {@link PROVIDERS}; importing this subpath loads every
 * adapter, so each client package must be installed.
 *
 * @packageDocumentation
 */
import type { ProviderName } from "../generated/provider-names.js";
import { PROVIDERS } from "../generated/providers.js";

export { PROVIDERS } from "../generated/providers.js";
export { PROVIDER_NAMES, type ProviderName } from "../generated/provider-names.js";
export {
  defineProvider,
  type ProviderDefinition,
  type ProviderDescriptor,
  type ProviderDocs,
  type ProviderOption,
  type ProviderStatuses,
} from "./define-provider.js";

/** The descriptor of the provider named `name`, typed with its own capabilities. */
export function providerNamed<N extends ProviderName>(name: N): Extract<(typeof PROVIDERS)[number], { name: N }> {
  const found = PROVIDERS.find(
    (provider): provider is Extract<(typeof PROVIDERS)[number], { name: N }> => provider.name === name,
  );
  if (found === undefined) throw new TypeError(`no provider is named ${JSON.stringify(name)}`);
  return found;
}
