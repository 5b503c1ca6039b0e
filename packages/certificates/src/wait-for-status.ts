import { CertkitError, isCertkitError } from "@certkit/runtime";
import type { OperationOptions } from "./adapter.js";
import type { CertificateOrder, CertificateStatus } from "./certificate-order.js";
import { ENDED_STATUSES, OrderEndedError } from "./order-ended-error.js";

/** Options of {@link waitForStatus}. */
export interface WaitForStatusOptions {
  /** The status (or any of the statuses) to wait for. Default `"issued"`. */
  until?: CertificateStatus | readonly CertificateStatus[];
  /** Stops waiting: the promise rejects with `CertkitError` `ABORTED`. */
  signal?: AbortSignal;
  /** The first pause between two looks, in ms; each pause is half as long again, up to `maxIntervalMs`. Default 5000. */
  intervalMs?: number;
  /** The longest pause between two looks, in ms. Default 60 000. */
  maxIntervalMs?: number;
  /** Give up after this long, in ms: the promise rejects with `CertkitError` `TIMEOUT`. Default one hour. */
  maxWaitMs?: number;
  /** Called with the order each time it is looked at, and how many looks that makes. */
  onProgress?: (order: CertificateOrder, attempt: number) => void;
}

/** The client operation {@link waitForStatus} needs: any certificate client has it. */
export interface OrderReader {
  get(id: string, options?: OperationOptions): Promise<CertificateOrder>;
}

const DEFAULTS = { intervalMs: 5_000, maxIntervalMs: 60_000, maxWaitMs: 3_600_000 };

function checkDuration(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new CertkitError({ code: "INVALID_INPUT", provider: "certificates", message: `waitForStatus: ${name} must be a finite number ≥ 0, got ${value}` });
  }
}

function aborted(signal: AbortSignal): CertkitError {
  return new CertkitError({ code: "ABORTED", provider: "certificates", message: "waitForStatus was aborted", cause: signal.reason });
}

/** Waits `ms`, or less if `signal` aborts first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Polls an order until it reaches `until` (default `issued`), with growing pauses. Resolves with the order; rejects
 * with {@link OrderEndedError} when it ends otherwise (`failed`, `cancelled`, `revoked`), `TIMEOUT` after `maxWaitMs`,
 * `ABORTED` on `signal`. A look the provider refuses for a while (`RATE_LIMITED`, a network error, a 5xx the client
 * marks retryable) is tried again after the pause it asked for, so the wait never spends the account's rate limit.
 */
export async function waitForStatus(client: OrderReader, id: string, options: WaitForStatusOptions = {}): Promise<CertificateOrder> {
  const until: readonly CertificateStatus[] = typeof options.until === "string" ? [options.until] : (options.until ?? ["issued"]);
  const intervalMs = options.intervalMs ?? DEFAULTS.intervalMs;
  const maxIntervalMs = options.maxIntervalMs ?? DEFAULTS.maxIntervalMs;
  const maxWaitMs = options.maxWaitMs ?? DEFAULTS.maxWaitMs;
  checkDuration("intervalMs", intervalMs);
  checkDuration("maxIntervalMs", maxIntervalMs);
  checkDuration("maxWaitMs", maxWaitMs);
  const { signal } = options;
  const deadline = Date.now() + maxWaitMs;
  let interval = intervalMs;
  for (let attempt = 1; ; attempt += 1) {
    if (signal?.aborted) throw aborted(signal);
    let wait = interval;
    try {
      const order = await client.get(id, signal ? { signal } : {});
      options.onProgress?.(order, attempt);
      if (until.includes(order.status)) return order;
      if ((ENDED_STATUSES as readonly CertificateStatus[]).includes(order.status)) throw new OrderEndedError(order, until);
    } catch (error) {
      if (!isCertkitError(error) || !error.retryable) throw error;
      wait = Math.max(interval, error.retryAfterMs ?? 0);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new CertkitError({
        code: "TIMEOUT",
        provider: "certificates",
        message: `waitForStatus: certificate order ${id} did not become ${until.join(" or ")} within ${maxWaitMs} ms`,
      });
    }
    await pause(Math.min(wait, left), signal);
    interval = Math.min(maxIntervalMs, Math.round(interval * 1.5));
  }
}
