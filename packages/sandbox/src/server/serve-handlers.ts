import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { getResponse, type HttpHandler } from "msw";

/** Where a handler server listens. */
export interface ListenOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`: the sandbox is for this machine only. */
  host?: string;
}

/** A running server of msw handlers. */
export interface HandlerServer {
  /** `http://host:port`. */
  readonly url: string;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

function toRequest(incoming: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null,
    duplex: "half",
  } as RequestInit);
}

async function send(outgoing: ServerResponse, response: Response): Promise<void> {
  // `Response.error()` is how a handler (or an injected fault) says "no answer": close the connection.
  if (response.type === "error") {
    outgoing.destroy();
    return;
  }
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Serves msw handlers over real HTTP, so clients in this or another process reach the same simulators that
 * in-process tests use. `handlersFor` receives the server's origin once it is known.
 */
export async function serveHandlers(handlersFor: (origin: string) => HttpHandler[], options: ListenOptions = {}): Promise<HandlerServer> {
  const host = options.host ?? "127.0.0.1";
  let origin = "";
  let handlers: HttpHandler[] = [];
  const server = createServer((incoming, outgoing) => {
    const gone = new AbortController();
    outgoing.once("close", () => gone.abort());
    const request = toRequest(incoming, origin, gone.signal);
    getResponse(handlers, request)
      .then((response) =>
        send(
          outgoing,
          response ?? Response.json({ message: `The sandbox serves no ${request.method} ${new URL(request.url).pathname}` }, { status: 404 }),
        ),
      )
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        return send(outgoing, Response.json({ message: `The sandbox failed: ${message}` }, { status: 500 }));
      })
      .catch(() => outgoing.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  handlers = handlersFor(origin);
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
