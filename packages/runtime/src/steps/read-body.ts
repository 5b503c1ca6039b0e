import { abortReason } from "../abort-reason.js";
import type { Call, Step } from "../call.js";
import { networkError, oversizeError, unusableAnswerError } from "../call-errors.js";

/** The default of `maxResponseBytes`: far above any certificate, bundle, archive or page of a list, far below harm. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/**
 * Reads a body whole, or stops reading (and cancels the stream) as soon as it passes `limit` bytes, resolving to
 * `undefined`. `Content-Length` is only a hint: the bytes are counted as they arrive, after any decoding. `onReader`
 * is given a way to stop the reading from outside (a body that never ends and ignores the signal).
 */
export async function readBounded(
  response: Response,
  limit: number,
  onReader?: (stop: () => void) => void,
): Promise<Uint8Array | undefined> {
  // No body (a HEAD's answer, a 304): its `Content-Length` is the resource's, not this answer's.
  if (response.body === null) return EMPTY;
  if (Number(response.headers.get("content-length")) > limit) {
    await response.body.cancel().catch(() => undefined);
    return undefined;
  }
  const reader = response.body.getReader();
  onReader?.(() => void reader.cancel().catch(() => undefined));
  let first: Uint8Array | undefined;
  let more: Uint8Array[] | undefined;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    if (first === undefined) first = value;
    else (more ??= [first]).push(value);
  }
  if (more === undefined) return first ?? EMPTY;
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of more) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/** What a {@link SettledResponse} was read into. */
interface Settled {
  bytes: Uint8Array;
  text: string | undefined;
  /** The parsed JSON, when the call reads JSON and it parsed. */
  parsed: { value: unknown } | undefined;
}

const settled = Symbol("certkit.settled");

/**
 * A `Response` whose body was already read: it reads again, any number of times, from the bytes kept. `text()`
 * decodes them once, `json()` gives what was already parsed, `clone()` and `body` are made only when asked for.
 * The answer fetch gave becomes one by a change of prototype, so it keeps its headers, `url` and `type` and nothing
 * is copied for a call that just reads it.
 */
class SettledResponse extends Response {
  declare [settled]: Settled;

  override get bodyUsed(): boolean {
    return false;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.fresh().body;
  }

  override text(): Promise<string> {
    const kept = this[settled];
    return Promise.resolve((kept.text ??= decoder.decode(kept.bytes)));
  }

  override json(): Promise<unknown> {
    const { parsed } = this[settled];
    return parsed ? Promise.resolve(parsed.value) : this.text().then((text) => JSON.parse(text) as unknown);
  }

  // A download (`parseAs: "arrayBuffer"`, `"blob"`) reads a fresh copy of the bytes kept.
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.fresh().arrayBuffer();
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.fresh().bytes();
  }

  override blob(): Promise<Blob> {
    return this.fresh().blob();
  }

  override formData(): Promise<FormData> {
    return this.fresh().formData();
  }

  override clone(): Response {
    return settle(this.fresh(), this[settled].bytes);
  }

  /** A plain `Response` of the bytes kept, with headers that describe them (they are decoded already). */
  private fresh(): Response {
    const headers = new Headers(this.headers);
    for (const name of ["content-encoding", "content-length", "transfer-encoding"]) headers.delete(name);
    const { status, statusText } = this;
    const nullBody = status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
    return new Response(nullBody ? null : this[settled].bytes.slice(), { status, statusText, headers });
  }
}

/** Turns `response`, whose body has been read into `bytes`, into a {@link SettledResponse}. */
function settle(response: Response, bytes: Uint8Array, text?: string, parsed?: { value: unknown }): Response {
  // The field first: adding it after the change of prototype costs V8 twice as much.
  (response as SettledResponse)[settled] = { bytes, text, parsed };
  Object.setPrototypeOf(response, SettledResponse.prototype);
  return response;
}

/** Whether a 2xx with no body breaks the call: a GET's 200 carries the resource (RFC 9110 §15.3.1). */
function wantsBody(call: Call, status: number): boolean {
  return call.method === "GET" && status !== 204 && status !== 205;
}

/** What an answer's body was read into, and (for a 2xx meant for JSON) what it parsed to. */
export interface ReadBody {
  bytes: Uint8Array;
  text?: string | undefined;
  parsed?: { value: unknown } | undefined;
}

/**
 * What the bytes of an answer make for the call: `undefined` (too long) is a `PROVIDER` error, an empty 200 to a GET
 * and a 2xx meant for JSON that does not parse are unusable answers (which a read retries); a 2xx meant for JSON is
 * parsed here, once. Every transport reads its answers through this.
 */
export function interpretBody(
  call: Call,
  status: number,
  ok: boolean,
  bytes: Uint8Array | undefined,
  decode: (bytes: Uint8Array) => string,
): ReadBody {
  if (bytes === undefined) throw oversizeError(call, status);
  if (!ok || (bytes.byteLength === 0 && !wantsBody(call, status))) return { bytes };
  if (bytes.byteLength === 0) throw unusableAnswerError(call, status, "with an empty body");
  if (call.parseAs !== "json") return { bytes };
  const text = decode(bytes);
  try {
    return { bytes, text, parsed: { value: JSON.parse(text) } };
  } catch (error) {
    // The parser's message quotes a few characters of the body, which may be a run of a secret too short to redact:
    // only where it stopped is kept.
    const position = /at position \d+/.exec((error as Error).message)?.[0];
    const cause = new SyntaxError(`not valid JSON${position === undefined ? "" : ` (${position})`}`);
    throw unusableAnswerError(call, status, "with a body that is not valid JSON", cause);
  }
}

/**
 * Reads each answer whole, inside the try (so its timeout covers the last byte, and a connection cut mid-body is a
 * network failure that a read may retry), never more than `maxResponseBytes`: past that, up front from
 * `Content-Length` or while streaming, the try is stopped and the call fails with `PROVIDER`. A 2xx meant for JSON is
 * parsed here, once: what does not parse (or an empty 200 to a GET) is an unusable answer, which a read retries.
 */
export const readBodyStep: Step = (next) => async (request, call) => {
  const response = await next(request, call);
  let bytes: Uint8Array | undefined;
  try {
    // An abort cancels the reading even when the stream ignores the signal: a cancelled read ends at once.
    bytes = await readBounded(response, call.client.maxResponseBytes, (stop) => (call.stop = stop));
  } catch (error) {
    throw call.signal.aborted ? error : networkError(call, error);
  } finally {
    call.stop = undefined;
  }
  if (call.signal.aborted) throw abortReason(call.signal);
  const read = interpretBody(call, response.status, response.ok, bytes, (kept) => decoder.decode(kept));
  return settle(response, read.bytes, read.text, read.parsed);
};
