import { SANDBOX_MOUNTS, type SandboxProvider } from "../providers.js";
import type { Sandbox, SandboxClientOptions } from "../sandbox.js";
import { hostAllowed } from "./allowed-hosts.js";
import { CONTROL_PATH } from "./control-handlers.js";
import { controlAccessFilter } from "./control-access.js";
import { corsFilter, corsOrigins } from "./cors.js";
import { DEFAULT_MAX_BODY_BYTES, serveHandlers, type ListenOptions, type RequestFilter } from "./serve-handlers.js";

/** Options of {@link startSandboxServer}. */
export interface SandboxServerOptions extends ListenOptions {
  /**
   * Browser origins whose pages may call the simulated APIs (CORS), e.g. `http://localhost:5173`; `*` lets in every
   * page served from this machine (localhost, 127.0.0.1, [::1], any port). Default: none. The control API is never
   * opened to other origins.
   */
  cors?: readonly string[];
  /**
   * Host names the server answers to besides `localhost`, `*.localhost`, IP addresses and `host` (e.g. a container's
   * name). A request naming another host gets `403`, so a site whose name was pointed at loopback cannot use it.
   */
  allowedHosts?: readonly string[];
  /** When set, every control API request must carry `Authorization: Bearer <controlToken>`. */
  controlToken?: string;
}

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

/** The largest snapshot `PUT /_sandbox/snapshot` takes: a sandbox with thousands of orders. */
const MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** How many layers of percent-encoding are taken off a path before deciding whether it is the control API's. */
const MAX_DECODINGS = 3;

/**
 * Whether a request may reach the control API, judged as the handlers match paths, not by its raw bytes:
 * `/%5Fsandbox/snapshot` and `/_sandbox%2Fsnapshot` are routed to it (the router decodes escapes), so they are
 * guarded too. Anything that could be read as under `/_sandbox` counts; the simulated APIs live elsewhere.
 */
function isControl(pathname: string): boolean {
  let path = pathname;
  for (let layer = 0; layer < MAX_DECODINGS && path.includes("%"); layer++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      break;
    }
  }
  return path.replace(/\/+/g, "/").toLowerCase().startsWith(CONTROL_PATH);
}
const isSimulatedApi = (pathname: string) =>
  Object.values(SANDBOX_MOUNTS).some((mount) => pathname === mount || pathname.startsWith(`${mount}/`));

/** Runs filters in order, each handing on to the next. */
function chain(filters: RequestFilter[]): RequestFilter {
  return filters.reduceRight<RequestFilter>(
    (inner, outer) => (request, next) => outer(request, (passed) => inner(passed, next)),
    (request, next) => next(request),
  );
}

/**
 * Serves a sandbox over real HTTP on loopback, for clients in this or another process (the CLI, end-to-end tests,
 * the demo). Requests are answered by the same msw handlers that in-process tests use.
 *
 * Safe on a developer's machine: no request can stop it (bad ones get a 4xx), it answers only requests naming its
 * own host, bodies are capped (1 MiB; 64 MiB for a snapshot restore), control API writes must be
 * JSON, and browser pages of other origins reach only the simulated APIs, and only with `cors`. Throws a `TypeError`
 * for a bad `cors` origin or `controlToken` before listening.
 */
export async function startSandboxServer(sandbox: Sandbox, options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? "127.0.0.1";
  const hosts = new Set([host, ...(options.allowedHosts ?? [])].map((name) => name.toLowerCase()));
  const filters: RequestFilter[] = [
    async (request, next) =>
      hostAllowed(request.headers.get("host"), hosts)
        ? next(request)
        : Response.json(
            { message: "the sandbox answers only requests for its own host (see --allow-host)" },
            { status: 403 },
          ),
    controlAccessFilter(isControl, options.controlToken),
  ];
  if (options.cors !== undefined && options.cors.length > 0)
    filters.push(corsFilter(corsOrigins(options.cors), isSimulatedApi));
  const server = await serveHandlers((origin) => sandbox.handlers(origin), {
    port: options.port,
    host,
    filter: chain(filters),
    maxBodyBytes: (method, pathname) =>
      method === "PUT" && pathname === `${CONTROL_PATH}/snapshot` ? MAX_SNAPSHOT_BYTES : DEFAULT_MAX_BODY_BYTES,
  });
  return {
    url: server.url,
    baseUrl: (provider) => sandbox.baseUrl(server.url, provider),
    clientOptions: (provider) => sandbox.clientOptions(server.url, provider),
    close: () => server.close(),
  };
}
