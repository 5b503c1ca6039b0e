import { CertkitError, isCertkitError, HOUR_MS, MINUTE_MS, SECOND_MS } from "@certkit/runtime";
import type { OperationOptions } from "./adapter.js";
import type { CertificateOrder, CertificateStatus } from "./certificate-order.js";
import { ENDED_STATUSES, OrderEndedError } from "./order-ended-error.js";
import { abortedError, boundedPause, TIMER_MAX_MS } from "./timing/bounded-pause.js";
import { lookBeforeDeadline } from "./timing/look-before-deadline.js";

/** Options of {@link waitForStatus}. */
export interface WaitForStatusOptions {
  /** The status (or any of the statuses) to wait for. Default `"issued"`. */
  until?: CertificateStatus | readonly CertificateStatus[];
  /** Stops waiting: the promise rejects with `CertkitError` `ABORTED`. */
  signal?: AbortSignal;
  /**
   * The first pause between two looks, in ms (1 or more); each pause is half as long again, up to `maxIntervalMs`.
   * Default 5000.
   */
  intervalMs?: number;
  /**
   * The longest pause between two looks, and the longest single timer, in ms (at least `intervalMs`; above 2^31 − 1,
   * the timer's limit, it is clamped). Default 60 000.
   */
  maxIntervalMs?: number;
  /** Give up after this long, in ms: the promise rejects with `CertkitError` `TIMEOUT`. Any length. Default one hour. */
  maxWaitMs?: number;
  /** Called with the order each time it is looked at, and how many looks that makes. */
  onProgress?: (order: CertificateOrder, attempt: number) => void;
}

/** The client operation {@link waitForStatus} needs: any certificate client has it. */
export interface OrderReader {
  get(id: string, options?: OperationOptions): Promise<CertificateOrder>;
}

const DEFAULTS = { intervalMs: 5 * SECOND_MS, maxIntervalMs: MINUTE_MS, maxWaitMs: HOUR_MS };
const OPERATION = "waitForStatus";

function badOption(name: string, requirement: string, value: number): CertkitError {
  return new CertkitError({
    code: "INVALID_INPUT",
    provider: "certificates",
    message: `${OPERATION}: ${name} must be ${requirement}, got ${value}`,
  });
}

function checkDurations(intervalMs: number, maxIntervalMs: number, maxWaitMs: number): void {
  if (typeof intervalMs !== "number" || !Number.isFinite(intervalMs) || intervalMs < 1)
    throw badOption("intervalMs", "a finite number ≥ 1", intervalMs);
  if (typeof maxIntervalMs !== "number" || Number.isNaN(maxIntervalMs) || maxIntervalMs < intervalMs) {
    throw badOption("maxIntervalMs", `a number ≥ intervalMs (${intervalMs})`, maxIntervalMs);
  }
  if (typeof maxWaitMs !== "number" || !Number.isFinite(maxWaitMs) || maxWaitMs < 0)
    throw badOption("maxWaitMs", "a finite number ≥ 0", maxWaitMs);
}

function timedOut(id: string, until: readonly CertificateStatus[], maxWaitMs: number): CertkitError {
  return new CertkitError({
    code: "TIMEOUT",
    provider: "certificates",
    message: `${OPERATION}: certificate order ${id} did not become ${until.join(" or ")} within ${maxWaitMs} ms`,
  });
}

/**
 * Polls an order until it reaches `until` (default `issued`), with growing pauses. Resolves with the order; rejects
 * with {@link OrderEndedError} when it ends otherwise (`failed`, `cancelled`, `revoked`), `TIMEOUT` after `maxWaitMs`,
 * `ABORTED` on `signal`.
 *
 * A look the provider refuses for a while (`RATE_LIMITED`, a network error, a 5xx the client marks retryable) is
 * tried again after the pause it asked for (`retryAfterMs`), never sooner, so the wait never spends the account's
 * rate limit. Every timer is at most `maxIntervalMs` (and the timer's own limit): a pause the provider asks for
 * beyond that is waited out as several timers. When that pause would end after `maxWaitMs`, the wait rejects at once
 * with the provider's error, whose `retryAfterMs` says how long it asked for.
 */
export async function waitForStatus(
  client: OrderReader,
  id: string,
  options: WaitForStatusOptions = {},
): Promise<CertificateOrder> {
  const until: readonly CertificateStatus[] =
    typeof options.until === "string" ? [options.until] : (options.until ?? ["issued"]);
  const intervalMs = options.intervalMs ?? DEFAULTS.intervalMs;
  const maxIntervalMs = options.maxIntervalMs ?? Math.max(DEFAULTS.maxIntervalMs, intervalMs);
  const maxWaitMs = options.maxWaitMs ?? DEFAULTS.maxWaitMs;
  checkDurations(intervalMs, maxIntervalMs, maxWaitMs);
  const longestTimer = Math.min(maxIntervalMs, TIMER_MAX_MS);
  const { signal } = options;
  // Monotonic: a system clock stepped back or forward moves neither the deadline nor the pauses.
  const deadline = performance.now() + maxWaitMs;
  let interval = Math.min(intervalMs, longestTimer);
  for (let attempt = 1; ; attempt += 1) {
    if (signal?.aborted) throw abortedError(OPERATION, signal);
    let wait = interval;
    try {
      const order = await lookBeforeDeadline(
        deadline,
        longestTimer,
        signal,
        (lookSignal) => client.get(id, { signal: lookSignal }),
        () => timedOut(id, until, maxWaitMs),
      );
      options.onProgress?.(order, attempt);
      if (until.includes(order.status)) return order;
      if ((ENDED_STATUSES as readonly CertificateStatus[]).includes(order.status))
        throw new OrderEndedError(order, until);
    } catch (error) {
      if (!isCertkitError(error) || !error.retryable) throw error;
      const askedFor = error.retryAfterMs ?? 0;
      // The provider refuses looks until after the deadline: waiting for it would only end in TIMEOUT.
      if (askedFor > deadline - performance.now()) throw error;
      wait = Math.max(interval, askedFor);
    }
    const left = deadline - performance.now();
    if (left <= 0) throw timedOut(id, until, maxWaitMs);
    await boundedPause(Math.min(wait, left), longestTimer, signal, OPERATION);
    interval = Math.min(longestTimer, Math.ceil(interval * 1.5));
  }
}
