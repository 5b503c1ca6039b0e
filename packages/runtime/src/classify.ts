/**
 * The one classifier of the runtime: for each way a call can end, whether sending the same request again may succeed
 * (`retryable`, which is also what the retry step retries) and whether a write may have taken effect (`effectUnknown`).
 */

/** How a try ended, when it did not end with a usable answer. */
export type Outcome =
  /** An answer with this HTTP status. */
  | number
  /** No answer: the connection failed after the request may have left. */
  | "network"
  /** No answer, and the request never left (connection refused, name not found). */
  | "not-sent"
  /** No answer, and the browser would not say why: a CORS refusal looks exactly like an unreachable server. */
  | "opaque"
  /** No answer in time. */
  | "timeout"
  /** A 2xx whose body cannot be used (empty where a resource was due, or not JSON). */
  | "unusable"
  /** A 3xx, which the runtime never follows, or an answer over `maxResponseBytes`. */
  | "refused";

/** What {@link classify} says about an outcome. */
export interface Verdict {
  retryable: boolean;
  effectUnknown: boolean;
}

/** Whether a method only reads, so that sending it twice is harmless. */
export function isReadMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}

/**
 * Whether a server answering `status` may have done the work anyway: a timeout or a server failure. 501 and 505
 * say the server cannot handle the request at all.
 */
function mayHaveWorked(status: number): boolean {
  return status === 408 || (status >= 500 && status !== 501 && status !== 505);
}

/**
 * Classifies how a try ended. A 429 was refused before anything happened, so any method may repeat it; a read may
 * repeat whatever may go better next time; a write is never repeated after it may have reached the provider, and its
 * effect is then unknown.
 */
export function classify(method: string, outcome: Outcome): Verdict {
  const read = isReadMethod(method);
  if (outcome === 429 || outcome === "not-sent") return { retryable: true, effectUnknown: false };
  if (typeof outcome === "number") {
    const worked = mayHaveWorked(outcome);
    return { retryable: read && worked, effectUnknown: !read && worked };
  }
  // The browser reports a CORS refusal and an unreachable server alike; the refusal would repeat, so neither is retried.
  const repeats = outcome === "opaque" || outcome === "refused";
  return { retryable: read && !repeats, effectUnknown: !read };
}
