import type { CertificateClient, ProviderName } from "@certkit/certificates";
import type { ClientEvent } from "@certkit/runtime";
import { createProviderClient } from "./clients/create-provider-client.js";
import type { Configuration } from "./config/load-configuration.js";
import type { ProvidersSettings } from "./config/provider-settings.js";
import { secretsIn } from "./config/settings-secrets.js";
import { formatDuration } from "./output/format-duration.js";
import type { Output } from "./output/output.js";
import { isProviderName, PROVIDER_NAMES, unknownProvider } from "./provider-names.js";
import { homeRelative } from "./output/shown-path.js";
import type { SandboxControl } from "./sandbox/sandbox-control.js";
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
  /** Where a sandbox's control API is (the embedded one's, or `--sandbox URL`'s), and how to reach it; none for real providers. */
  readonly sandboxControl: SandboxControl | undefined;
  /** Stops the embedded sandbox, if any (its state is saved after every request already). */
  close(): Promise<void>;
}

function describeEvent(event: ClientEvent): string {
  switch (event.type) {
    case "request":
      return `→ ${event.method} ${event.url}${event.attempt > 1 ? ` (try ${event.attempt})` : ""}`;
    case "response":
      return `← ${event.status} ${event.method} ${event.path} in ${Math.round(event.durationMs)} ms`;
    case "retry":
      return `↻ ${event.method} ${event.path}: ${event.reason}, trying again in ${formatDuration(event.delayMs)}`;
    case "error":
      return `✘ ${event.method} ${event.path}: ${event.error.code}`;
  }
}

/**
 * Opens a session on a configuration: makes the clients, starting the embedded sandbox first when nothing is
 * configured, and says on the first line of stderr when a sandbox stands in for the providers.
 * @param options.freshSandbox - start the embedded sandbox empty, whatever its state file holds (the demo does)
 */
export async function openSession(
  configuration: Configuration,
  output: Output,
  options: { freshSandbox?: boolean } = {},
): Promise<Session> {
  let settings: ProvidersSettings;
  let embedded: EmbeddedSandbox | undefined;
  let sandboxControl: SandboxControl | undefined;
  switch (configuration.kind) {
    case "embedded-sandbox": {
      const { stateFile } = configuration;
      output.note(
        `certkit: no provider is configured, so the embedded sandbox simulates every provider (offline; state in ${homeRelative(stateFile)})`,
      );
      embedded = await startEmbeddedSandbox({
        stateFile,
        fresh: options.freshSandbox ?? false,
        onWait: () =>
          output.note(
            `certkit: waiting for another certkit run to finish with the embedded sandbox's state (${homeRelative(stateFile)}.lock)`,
          ),
      });
      settings = sandboxProviderSettings(embedded.server.url);
      sandboxControl = { origin: embedded.server.url, fetch: embedded.fetch };
      break;
    }
    case "sandbox-server":
      output.note(`certkit: the certkit sandbox at ${configuration.url} simulates every provider`);
      settings = sandboxProviderSettings(configuration.url);
      sandboxControl = { origin: configuration.url, fetch };
      break;
    case "providers":
      settings = configuration.providers;
      for (const warning of configuration.warnings) output.note(`certkit: warning: ${warning}`);
      break;
  }
  output.addSecrets(secretsIn(settings));
  const configured = PROVIDER_NAMES.filter((provider) => settings[provider] !== undefined);
  const onEvent = output.flags.verbose ? (event: ClientEvent) => output.verbose(describeEvent(event)) : undefined;
  const clients = new Map<ProviderName, CertificateClient>();
  const session: Session = {
    kind: configuration.kind,
    configured,
    embedded,
    sandboxControl,
    select(provider) {
      if (provider === undefined) return configured;
      if (!isProviderName(provider)) throw unknownProvider(provider);
      session.client(provider);
      return [provider];
    },
    client(provider) {
      const providerSettings = settings[provider];
      if (providerSettings === undefined) {
        throw new UsageError(
          `${provider} is not configured (configured: ${configured.join(", ")}); see certkit --help for its variables`,
        );
      }
      let client = clients.get(provider);
      if (client === undefined) {
        client = createProviderClient(provider, providerSettings, { onEvent, fetch: embedded?.fetch });
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
