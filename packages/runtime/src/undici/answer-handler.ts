import type { Dispatcher } from "undici";
import { abortReason } from "../abort-reason.js";
import type { Call } from "../call.js";
import { networkError, oversizeError, redirectError } from "../call-errors.js";
import { interpretBody } from "../steps/read-body.js";
import { decodeContent } from "./decode-content.js";
import { DispatchedHeaders, DispatchedResponse } from "./dispatched-response.js";

const EMPTY = Buffer.alloc(0);

/** A body's text as `Response.text()` reads it: UTF-8, without a leading byte-order mark. */
function decode(bytes: Uint8Array): string {
  // The bytes are undici's own `Buffer` (or a concatenation of them): no view is made to decode them.
  const text = (bytes as Buffer).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads one answer of the Dispatcher API through its callbacks, with no stream, no `Response` and no listener on the
 * call's signal: the chunks are kept as they come and counted (past `maxResponseBytes`, up front from
 * `Content-Length` or while reading, the request is aborted), a redirect is refused as soon as its status is known,
 * and the call's `stop` (a timeout, the caller's abort) aborts the request wherever it is, even still queued.
 * It settles once: with a {@link DispatchedResponse}, a `CertkitError`, or (once the call is stopped) its abort
 * reason, which the client turns into `TIMEOUT` or `ABORTED`.
 */
export class AnswerHandler implements Dispatcher.DispatchHandler {
  readonly #call: Call;
  readonly #url: string;
  readonly #resolve: (response: Response) => void;
  readonly #reject: (error: Error) => void;
  #controller: Dispatcher.DispatchController | undefined;
  #settled = false;
  #status = 0;
  #statusText = "";
  #headers: DispatchedHeaders | undefined;
  #chunks: Buffer[] = [];
  #size = 0;

  constructor(call: Call, url: string, resolve: (response: Response) => void, reject: (error: Error) => void) {
    this.#call = call;
    this.#url = url;
    this.#resolve = resolve;
    this.#reject = reject;
    call.stop = () => this.#fail(abortReason(call.signal));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // Stopped while it waited for a connection: it goes no further.
    if (this.#settled) controller.abort(abortReason(this.#call.signal));
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
    statusText?: string,
  ): void {
    // 1xx answers (103 Early Hints...) come before the real one.
    if (status < 200 || this.#settled) return;
    const call = this.#call;
    this.#status = status;
    this.#statusText = statusText ?? "";
    this.#headers = new DispatchedHeaders(headers);
    if (status >= 300 && status < 400 && status !== 304) {
      this.#fail(redirectError(call, this.#response(EMPTY, undefined, undefined), this.#url));
    } else if (status === 204 || status === 304) {
      // Complete as it stands: these have no body, whatever `Content-Length` says (undici would then report a
      // length mismatch, which comes after the call has settled and changes nothing).
      this.onResponseEnd();
    } else if (call.method !== "HEAD" && Number(headers["content-length"]) > call.client.maxResponseBytes) {
      // A HEAD's `Content-Length` is the resource's: its answer has no body.
      this.#fail(oversizeError(call, status));
    }
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#size += chunk.byteLength;
    if (this.#size > this.#call.client.maxResponseBytes) return this.#fail(oversizeError(this.#call, this.#status));
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#settled) return;
    const chunks = this.#chunks;
    const raw = chunks.length === 1 ? chunks[0]! : chunks.length === 0 ? EMPTY : Buffer.concat(chunks, this.#size);
    const status = this.#status;
    const call = this.#call;
    try {
      let bytes: Buffer | undefined;
      try {
        bytes = decodeContent(raw, this.#headers!.get("content-encoding"), call.client.maxResponseBytes);
      } catch (error) {
        throw networkError(call, error);
      }
      const read = interpretBody(call, status, status >= 200 && status < 300, bytes, decode);
      this.#finish();
      this.#resolve(this.#response(read.bytes, read.text, read.parsed));
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.#settled) return;
    const call = this.#call;
    this.#fail(call.signal.aborted ? abortReason(call.signal) : networkError(call, error));
  }

  /** Settles with `error`, and aborts the request if it is still going (the connection is then dropped). */
  #fail(error: Error): void {
    if (this.#settled) return;
    this.#finish();
    this.#controller?.abort(error);
    this.#reject(error);
  }

  #finish(): void {
    this.#settled = true;
    this.#chunks = [];
    this.#call.stop = undefined;
  }

  #response(bytes: Uint8Array, text: string | undefined, parsed: { value: unknown } | undefined): Response {
    const answer = {
      status: this.#status,
      statusText: this.#statusText,
      url: this.#url,
      headers: this.#headers!,
      bytes,
      text,
      parsed,
    };
    return new DispatchedResponse(answer) as unknown as Response;
  }
}
