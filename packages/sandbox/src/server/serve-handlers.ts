import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse, type HttpHandler } from "msw";

/** Where a handler server listens. */
export interface ListenOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`: the sandbox is for this machine only. */
  host?: string;
}

/**
 * A step every request passes through before the handlers: it answers the request itself (a refusal, a preflight),
 * or calls `next` and may change the answer (add headers).
 */
export type RequestFilter = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;

/** How {@link serveHandlers} serves. */
export interface HandlerServerOptions extends ListenOptions {
  /**
   * The largest request body accepted, in bytes, for a request with this method and path; a bigger one is refused
   * with `413` before it is read. Default 1 MiB for every request.
   */
  maxBodyBytes?: (method: string, pathname: string) => number;
  /** Runs on every well-formed request, before the handlers. */
  filter?: RequestFilter;
}

/** A running server of msw handlers. */
export interface HandlerServer {
  /** `http://host:port`. */
  readonly url: string;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/** The default body limit: far above any provider request (a CSR is a few kB), far below what hurts a machine. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
// The methods the simulated APIs and the control API use, and the CORS preflight. Node's parser already refuses
// methods it does not know; this also refuses the ones it knows that fetch's Request cannot carry (TRACE, CONNECT).
const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A refusal decided before the handlers run. */
class Refusal {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

type BodyOutcome = { bytes: Uint8Array<ArrayBuffer> } | Refusal | "gone";

/** Reads the whole body under a byte limit; `"gone"` when the client went away before it ended. */
function readBody(incoming: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const declared = incoming.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve(tooLarge(limit));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        incoming.removeAllListeners("data");
        incoming.pause();
        resolve(tooLarge(limit));
      } else {
        chunks.push(chunk);
      }
    });
    incoming.once("end", () => resolve({ bytes: Buffer.concat(chunks) }));
    incoming.once("error", () => resolve("gone"));
    incoming.once("close", () => {
      if (!incoming.complete) resolve("gone");
    });
  });
}

function tooLarge(limit: number): Refusal {
  // The rest of the body is not read: the connection closes after the answer.
  return new Refusal(413, `the request body is larger than the ${limit} bytes the sandbox accepts`, {
    connection: "close",
  });
}

/** The request as fetch's `Request`, or a refusal saying what about it cannot be one. */
function toRequest(
  incoming: IncomingMessage,
  origin: string,
  body: Uint8Array<ArrayBuffer>,
  signal: AbortSignal,
): Request | Refusal {
  const method = incoming.method ?? "";
  if (!SERVED_METHODS.has(method))
    return new Refusal(405, `the sandbox does not serve ${method} requests`, { allow: [...SERVED_METHODS].join(", ") });
  const target = incoming.url ?? "";
  // Only a path is accepted (not `http://other/...` nor `*`); joined as text, so `//x` stays a path on this origin.
  if (!target.startsWith("/")) return new Refusal(400, "the request target must be a path starting with /");
  let url: URL;
  let headers: Headers;
  try {
    url = new URL(`${origin}${target}`);
  } catch {
    return new Refusal(400, "the request target is not a valid URL path");
  }
  try {
    headers = new Headers();
    for (let i = 0; i < incoming.rawHeaders.length; i += 2)
      headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
  } catch {
    return new Refusal(400, "a request header has a name or value fetch cannot carry");
  }
  const hasBody = method !== "GET" && method !== "HEAD" && body.length > 0;
  return new Request(url, { method, headers, signal, body: hasBody ? body : null });
}

function refusalResponse(refusal: Refusal): Response {
  return Response.json({ message: refusal.message }, { status: refusal.status, headers: refusal.headers });
}

async function send(outgoing: ServerResponse, response: Response): Promise<void> {
  // `Response.error()` is how a handler (or an injected fault) says "no answer": close the connection.
  if (response.type === "error") {
    outgoing.destroy();
    return;
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (outgoing.destroyed) return;
  // Headers a handler set that Node refuses (fetch's Headers accepts a few more characters) make the answer a 500.
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  outgoing.statusCode = response.status;
  for (const [name, value] of headers) outgoing.setHeader(name, value);
  outgoing.end(body);
}

async function sendFailure(outgoing: ServerResponse, error: unknown): Promise<void> {
  if (outgoing.headersSent) {
    outgoing.destroy();
    return;
  }
  for (const name of outgoing.getHeaderNames()) outgoing.removeHeader(name);
  const message = error instanceof Error ? error.message : String(error);
  await send(outgoing, Response.json({ message: `The sandbox failed: ${message}` }, { status: 500 }));
}

/**
 * Serves msw handlers over real HTTP, so clients in this or another process reach the same simulators that
 * in-process tests use. `handlersFor` receives the server's origin once it is known.
 *
 * No request can stop the server: a method, target or header fetch cannot carry, or a body over the limit, is
 * refused with a 4xx; a body cut off by the client is dropped; a handler that throws answers 500. Requests Node's
 * parser cannot read (bad syntax, oversized headers, a chunked body that breaks off) get Node's own 400/431
 * answer and a closed connection.
 */
export async function serveHandlers(
  handlersFor: (origin: string) => HttpHandler[],
  options: HandlerServerOptions = {},
): Promise<HandlerServer> {
  const host = options.host ?? "127.0.0.1";
  const limitFor = options.maxBodyBytes ?? (() => DEFAULT_MAX_BODY_BYTES);
  const filter: RequestFilter = options.filter ?? ((request, next) => next(request));
  let origin = "";
  let handlers: HttpHandler[] = [];

  const answer = async (request: Request): Promise<Response> =>
    (await getResponse(handlers, request)) ??
    Response.json(
      { message: `The sandbox serves no ${request.method} ${new URL(request.url).pathname}` },
      { status: 404 },
    );

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const gone = new AbortController();
    outgoing.once("close", () => gone.abort());
    const pathname = (incoming.url ?? "").split("?")[0]!;
    const body = await readBody(incoming, limitFor(incoming.method ?? "", pathname));
    if (body === "gone") {
      outgoing.destroy();
      return;
    }
    const request = body instanceof Refusal ? body : toRequest(incoming, origin, body.bytes, gone.signal);
    await send(outgoing, request instanceof Refusal ? refusalResponse(request) : await filter(request, answer));
  };

  const server = createServer({ requestTimeout: 60_000 }, (incoming, outgoing) => {
    handle(incoming, outgoing)
      .catch((error: unknown) => sendFailure(outgoing, error))
      .catch(() => outgoing.destroy());
  });
  // CONNECT asks for a tunnel, which Node hands to a "connect" listener instead of the request handler.
  server.on("connect", (_request, socket) => {
    socket.on("error", () => socket.destroy());
    socket.end("HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
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
