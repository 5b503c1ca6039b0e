import type { CertificateClient, ProviderName } from "@certkit/certificates";
import { credentialsIn, type ClientEvent } from "@certkit/runtime";
import { createProviderClient } from "./clients/create-provider-client.js";
import type { Configuration } from "./config/load-configuration.js";
import type { ProvidersSettings } from "./config/provider-settings.js";
import type { Output } from "./output/output.js";
import { isProviderName, PROVIDER_NAMES } from "./provider-names.js";
import { startEmbeddedSandbox, type EmbeddedSandbox } from "./sandbox/embedded-sandbox.js";
import { sandboxProviderSettings } from "./sandbox/sandbox-provider-settings.js";
import { UsageError } from "./usage-error.js";

/** The configured providers' clients for one run of a command. */
export interface Session {
  /** Where the providers come from. */
  readonly kind: Configuration["kind"];
  /** The configured providers, in table order. */
  readonly configured: readonly ProviderName[];
  /** The client of a configured provider. @throws UsageError when it is not configured. */
  client(provider: ProviderName): CertificateClient;
  /** The provider `--provider` names (checked: known and configured), or every configured one. */
  select(provider: string | undefined): readonly ProviderName[];
  /** The sandbox running in this process, when there is one. */
  readonly embedded: EmbeddedSandbox | undefined;
  /** Saves the embedded sandbox's state, if any, and stops it. */
  close(): Promise<void>;
}

function describeEvent(event: ClientEvent): string {
  switch (event.type) {
    case "request":
      return `→ ${event.method} ${event.url}${event.attempt > 1 ? ` (try ${event.attempt})` : ""}`;
    case "response":
      return `← ${event.status} ${event.method} ${event.path} in ${Math.round(event.durationMs)} ms`;
    case "retry":
      return `↻ ${event.method} ${event.path}: ${event.reason}, trying again in ${event.delayMs} ms`;
    case "error":
      return `✘ ${event.method} ${event.path}: ${event.error.code}`;
  }
}

/**
 * Opens a session on a configuration: makes the clients, starting the embedded sandbox first when nothing is
 * configured, and says on the first line of stderr when a sandbox stands in for the providers.
 * @param options.freshSandbox - start the embedded sandbox empty, whatever its state file holds (the demo does)
 */
export async function openSession(configuration: Configuration, output: Output, options: { freshSandbox?: boolean } = {}): Promise<Session> {
  let settings: ProvidersSettings;
  let embedded: EmbeddedSandbox | undefined;
  switch (configuration.kind) {
    case "embedded-sandbox":
      output.note(`certkit: no provider is configured, so this runs against the embedded sandbox (offline; state in ${configuration.stateFile})`);
      embedded = await startEmbeddedSandbox({ stateFile: configuration.stateFile, fresh: options.freshSandbox ?? false });
      settings = sandboxProviderSettings(embedded.server.url);
      break;
    case "sandbox-server":
      output.note(`certkit: using the certkit sandbox at ${configuration.url} for every provider`);
      settings = sandboxProviderSettings(configuration.url);
      break;
    case "providers":
      settings = configuration.providers;
      for (const warning of configuration.warnings) output.note(`certkit: warning: ${warning}`);
      break;
  }
  output.addSecrets(credentialsIn(settings));
  const configured = PROVIDER_NAMES.filter((provider) => settings[provider] !== undefined);
  const onEvent = output.flags.verbose ? (event: ClientEvent) => output.verbose(describeEvent(event)) : undefined;
  const clients = new Map<ProviderName, CertificateClient>();
  const session: Session = {
    kind: configuration.kind,
    configured,
    embedded,
    select(provider) {
      if (provider === undefined) return configured;
      if (!isProviderName(provider)) throw new UsageError(`unknown provider "${provider}" (see certkit providers)`);
      session.client(provider);
      return [provider];
    },
    client(provider) {
      const providerSettings = settings[provider];
      if (providerSettings === undefined) {
        throw new UsageError(`${provider} is not configured (configured: ${configured.join(", ")}); see certkit --help for its variables`);
      }
      let client = clients.get(provider);
      if (client === undefined) {
        client = createProviderClient(provider, providerSettings, onEvent);
        clients.set(provider, client);
      }
      return client;
    },
    close: async () => {
      await embedded?.close();
    },
  };
  return session;
}
