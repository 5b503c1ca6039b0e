import type { CertkitError } from "./certkit-error.js";

/** What every {@link ClientEvent} says about the call it belongs to. */
export interface ClientEventBase {
  /** The package's provider name, e.g. `"ionos-ssl"`. */
  provider: string;
  method: string;
  /** The path template of the spec, e.g. `/v1/certificates/{id}`. */
  path: string;
}

/** One try is about to be sent. */
export interface RequestEvent extends ClientEventBase {
  type: "request";
  /** The full URL, with any secret removed. */
  url: string;
  /** 1 for the first try. */
  attempt: number;
}

/** One try was answered (any status). */
export interface ResponseEvent extends ClientEventBase {
  type: "response";
  attempt: number;
  status: number;
  /** From sending the request to the last byte of the answer. */
  durationMs: number;
}

/** A read failed in a way worth repeating, and will be sent again after `delayMs`. */
export interface RetryEvent extends ClientEventBase {
  type: "retry";
  /** The try that failed. */
  attempt: number;
  delayMs: number;
  /** What failed: `"HTTP 503"`, `"network error"`. */
  reason: string;
}

/** The call failed; `error` is what the caller gets (returned or thrown). */
export interface ErrorEvent extends ClientEventBase {
  type: "error";
  error: CertkitError;
  /** Tries sent (0 when the call failed before sending). */
  attempts: number;
  /** From the call to its failure, waits included. */
  durationMs: number;
}

/** What a client reports to `onEvent`: nothing in it holds a credential. */
export type ClientEvent = RequestEvent | ResponseEvent | RetryEvent | ErrorEvent;

/** Receives a client's {@link ClientEvent}s, for metrics or debug logs. What it throws is ignored. */
export type ClientEventListener = (event: ClientEvent) => void;

/**
 * Calls `listener` so that a failing listener can never fail the call it observes; `undefined` without one, so that
 * no event is ever built for nobody.
 */
export function createEventEmitter(
  listener: ClientEventListener | undefined,
): ((event: ClientEvent) => void) | undefined {
  if (listener === undefined) return undefined;
  return (event) => {
    try {
      listener(event);
    } catch {
      // A logging hook must not change the outcome of the call it logs.
    }
  };
}
