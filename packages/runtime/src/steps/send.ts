import { abortReason } from "../abort-reason.js";
import { BuiltRequest } from "../built-request.js";
import type { Call, FetchLike, Send } from "../call.js";
import { networkError } from "../call-errors.js";
import { CertkitError } from "../certkit-error.js";

/**
 * A custom fetch's answer, or the call's abort, whichever comes first: a custom fetch may ignore the signal, and
 * must not hold the call past its timeout. (The global fetch honours it: no race is needed, or paid for.)
 */
function untilStopped(fetch: FetchLike, request: Request, call: Call): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    call.stop = () => reject(abortReason(call.signal));
    fetch(request).then(resolve, reject);
  }).finally(() => (call.stop = undefined));
}

/**
 * The init a try goes with: the call's signal, redirects left unfollowed, and for a {@link BuiltRequest} everything
 * it holds (`duplex` is what fetch asks of a streamed body; TypeScript's RequestInit does not know it yet).
 */
function initOf(request: Request | BuiltRequest, call: Call): RequestInit {
  if (!(request instanceof BuiltRequest)) return { signal: call.signal, redirect: "manual" };
  const { init, method, headers, body } = request;
  return { ...init, method, headers, body, signal: call.signal, redirect: "manual", duplex: "half" } as RequestInit;
}

/**
 * The bottom of every client's stack: sends one try with the call's signal and with redirects left unfollowed
 * (`redirect: "manual"`), through the call's fetch or else the global `fetch`, looked up at each try so that a fetch
 * patched after the client was made (msw, instrumentation) is honoured. A failure without an answer becomes a
 * `NETWORK` error; a `CertkitError` from a custom fetch is its answer and passes unchanged.
 */
export const sendStep: Send = async (request, call) => {
  const init = initOf(request, call);
  const target = request instanceof BuiltRequest ? request.url : request;
  try {
    // A custom fetch is given a real `Request` of it all; the global fetch takes the settings beside the request.
    return await (call.fetch ? untilStopped(call.fetch, new Request(target, init), call) : fetch(target, init));
  } catch (error) {
    throw error instanceof CertkitError || call.signal.aborted ? error : networkError(call, error);
  }
};
