import { CertkitError, type CertificateClient, type ProviderName } from "@certkit/certificates";
import type { ClientEventListener } from "@certkit/runtime";
import type { FleetAccount } from "../config/fleet-file-schema.js";
import { PACKAGE_VERSION } from "../version.js";
import { adapterClient } from "./adapter-client.js";
import type { ProviderConnector } from "./provider-connector.js";
import { sandboxAccountOptions } from "./sandbox-account-options.js";

/** Options of {@link createAccountConnector}. */
export interface AccountConnectorOptions {
  /** Where `env` names are read. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Sees every request and answer of every client (nothing in them holds a credential). */
  onEvent?: ClientEventListener;
}

/**
 * The connector for a fleet file's `accounts`: each account's adapter options, with its credentials read from the
 * environment variables its `env` names, or a certkit sandbox's options when it has `sandbox`.
 */
export function createAccountConnector(
  accounts: Readonly<Record<string, FleetAccount>>,
  options: AccountConnectorOptions = {},
): ProviderConnector {
  const env = options.env ?? process.env;
  const clients = new Map<string, CertificateClient>();
  return {
    client(provider: ProviderName, account: string): CertificateClient {
      const cached = clients.get(account);
      if (cached) return cached;
      const settings = accounts[account];
      if (settings?.provider !== provider) {
        throw new CertkitError({
          code: "INVALID_INPUT",
          provider,
          message: `no ${provider} account "${account}" in the fleet file`,
        });
      }
      const credentials: Record<string, string> = {};
      for (const [option, variable] of Object.entries(settings.env)) {
        const value = env[variable];
        if (value === undefined || value === "") {
          throw new CertkitError({
            code: "INVALID_INPUT",
            provider,
            message: `account "${account}": ${option} comes from $${variable}, which is not set`,
          });
        }
        credentials[option] = value;
      }
      const client = adapterClient(provider, {
        userAgent: `certkit-fleet/${PACKAGE_VERSION}`,
        ...(settings.sandbox === undefined ? {} : sandboxAccountOptions(provider, settings.sandbox)),
        ...settings.options,
        ...credentials,
        ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
      });
      clients.set(account, client);
      return client;
    },
  };
}
