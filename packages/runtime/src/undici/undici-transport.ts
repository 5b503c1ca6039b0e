import type { Readable } from "node:stream";
import { Agent, type Dispatcher } from "undici";
import { abortReason } from "../abort-reason.js";
import type { Call, Transport } from "../call.js";
import { networkError, redirectError } from "../call-errors.js";
import { interpretBody } from "../steps/read-body.js";
import { DispatchedRequest } from "./dispatched-request.js";
import { DispatchedHeaders, DispatchedResponse } from "./dispatched-response.js";

/** Options of {@link undiciTransport}. */
export interface UndiciTransportOptions {
  /** The undici dispatcher to send with (an `Agent`, a `Pool`, a `ProxyAgent`...). Default: an `Agent` of its own. */
  dispatcher?: Dispatcher | undefined;
}

/** Drops a body that will not be read, and whatever error dropping it raises. */
function discard(body: Readable): void {
  body.on("error", () => undefined).destroy();
}

/**
 * Reads a body whole, or stops (destroying the stream) as soon as it passes `limit` bytes, resolving to `undefined`.
 * The call's `stop` ends the reading at once.
 */
function readBounded(body: Readable, limit: number, call: Call): Promise<Uint8Array | undefined> {
  return new Promise<Uint8Array | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    call.stop = () => body.destroy(abortReason(call.signal));
    body.on("data", (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      discard(body);
      resolve(undefined);
    });
    body.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    body.on("error", reject);
  }).finally(() => (call.stop = undefined));
}

/** A body's text as `Response.text()` reads it: UTF-8, without a leading byte-order mark. */
function decode(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The request's headers as undici takes them, without `Accept-Encoding`: answers then come unencoded. */
function headersOf(request: Request): string[] {
  const flat: string[] = [];
  for (const [name, value] of request.headers) if (name !== "accept-encoding") flat.push(name, value);
  return flat;
}

/**
 * A transport for Node on undici's Dispatcher API instead of `fetch`: it sends the request openapi-fetch built, with
 * the call's signal, reads the answer whole (never following a redirect, never more than `maxResponseBytes`) and
 * gives openapi-fetch an answer that builds a `Response` only if something asks for one. Same errors, timeouts and
 * retries as the default; a fraction of fetch's cost per call.
 *
 * @example
 * ```ts
 * import { undiciTransport } from "@certkit/runtime/undici";
 * const ionos = createIonosSslClient({ apiKey, transport: undiciTransport() });
 * ```
 */
export function undiciTransport(options: UndiciTransportOptions = {}): Transport {
  const dispatcher = options.dispatcher ?? new Agent();
  return {
    Request: DispatchedRequest as unknown as typeof Request,
    async send(request, call) {
      const { url } = request;
      const split = url.indexOf("/", url.indexOf("//") + 2);
      let answer: Dispatcher.ResponseData;
      try {
        answer = await dispatcher.request({
          origin: split < 0 ? url : url.slice(0, split),
          path: split < 0 ? "/" : url.slice(split),
          method: request.method,
          headers: headersOf(request),
          body: request.body === null ? null : Buffer.from(await request.arrayBuffer()),
          signal: call.signal,
        });
      } catch (error) {
        throw call.signal.aborted ? abortReason(call.signal) : networkError(call, error);
      }
      const status = answer.statusCode;
      const headers = new DispatchedHeaders(answer.headers);
      if (status >= 300 && status < 400 && status !== 304) {
        discard(answer.body);
        throw redirectError(
          call,
          new DispatchedResponse({
            status,
            url,
            headers,
            bytes: new Uint8Array(0),
            text: undefined,
            parsed: undefined,
          }) as unknown as Response,
          url,
        );
      }
      const limit = call.client.maxResponseBytes;
      let bytes: Uint8Array | undefined;
      if (Number(headers.get("content-length")) > limit) {
        discard(answer.body);
      } else {
        try {
          bytes = await readBounded(answer.body, limit, call);
        } catch (error) {
          throw call.signal.aborted ? abortReason(call.signal) : networkError(call, error);
        }
      }
      const read = interpretBody(call, status, status >= 200 && status < 300, bytes, decode);
      return new DispatchedResponse({
        status,
        url,
        headers,
        bytes: read.bytes,
        text: read.text,
        parsed: read.parsed,
      }) as unknown as Response;
    },
  };
}
