import type { SandboxProvider } from "../providers.js";
import type { Sandbox, SandboxClientOptions } from "../sandbox.js";
import { serveHandlers, type ListenOptions } from "./serve-handlers.js";

/** Options of {@link startSandboxServer}. */
export type SandboxServerOptions = ListenOptions;

/** A running sandbox server. */
export interface SandboxServer {
  /** `http://host:port`, the origin under which every simulated API and `/_sandbox` are served. */
  readonly url: string;
  /** The base URL of a simulated API on this server. */
  baseUrl(provider: SandboxProvider): string;
  /** What a provider's client needs to reach its simulator on this server: its base URL and credentials. */
  clientOptions<P extends SandboxProvider>(provider: P): SandboxClientOptions<P>;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/**
 * Serves a sandbox over real HTTP on loopback, for clients in this or another process (the CLI, end-to-end tests,
 * the demo). Requests are answered by the same msw handlers that in-process tests use.
 */
export async function startSandboxServer(sandbox: Sandbox, options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const server = await serveHandlers((origin) => sandbox.handlers(origin), options);
  return {
    url: server.url,
    baseUrl: (provider) => sandbox.baseUrl(server.url, provider),
    clientOptions: (provider) => sandbox.clientOptions(server.url, provider),
    close: () => server.close(),
  };
}
