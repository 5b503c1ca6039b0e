import { CertkitError } from "@certkit/runtime";
import type { OperationOptions } from "../adapter.js";
import type { CertificateOrder } from "../certificate-order.js";
import { abortedError, boundedPause, TIMER_MAX_MS } from "../timing/bounded-pause.js";

/** Options of `findOrders`: how long to keep looking for an order whose answer was lost. */
export interface FindOrdersOptions extends OperationOptions {
  /**
   * Keep looking this long while nothing is found, in ms: providers' lists may show a new order only some seconds
   * after it was made. `0` looks once. Default 60 000.
   */
  maxWaitMs?: number;
  /** The first pause between two looks, in ms; each pause doubles, up to `maxIntervalMs`. Default 1000. */
  intervalMs?: number;
  /** The longest pause between two looks, in ms. Default 15 000. */
  maxIntervalMs?: number;
}

const DEFAULTS = { maxWaitMs: 60_000, intervalMs: 1_000, maxIntervalMs: 15_000 };
const OPERATION = "findOrders";

function checked(name: string, value: number, minimum: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < minimum) {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "certificates",
      message: `${OPERATION}: ${name} must be a finite number ≥ ${minimum}, got ${value}`,
    });
  }
  return value;
}

/**
 * Calls `look` until it finds something or `maxWaitMs` has passed, pausing with bounded, doubling pauses: a list
 * that lags behind the provider's writes shows the order a little later, and an order not shown proves nothing.
 * Resolves with what the last look found (empty when nothing was found in time). Errors of a look are thrown.
 */
export async function lookWithBackoff(
  look: (options: OperationOptions) => Promise<CertificateOrder[]>,
  options: FindOrdersOptions = {},
): Promise<CertificateOrder[]> {
  const maxWaitMs = checked("maxWaitMs", options.maxWaitMs ?? DEFAULTS.maxWaitMs, 0);
  const intervalMs = checked("intervalMs", options.intervalMs ?? DEFAULTS.intervalMs, 1);
  const maxIntervalMs = Math.min(
    checked("maxIntervalMs", options.maxIntervalMs ?? Math.max(DEFAULTS.maxIntervalMs, intervalMs), intervalMs),
    TIMER_MAX_MS,
  );
  const { signal } = options;
  // Monotonic: a system clock stepped back or forward moves neither the deadline nor the pauses.
  const deadline = performance.now() + maxWaitMs;
  for (let interval = Math.min(intervalMs, maxIntervalMs); ; interval = Math.min(maxIntervalMs, interval * 2)) {
    if (signal?.aborted) throw abortedError(OPERATION, signal);
    const found = await look(signal ? { signal } : {});
    const left = deadline - performance.now();
    if (found.length > 0 || left <= 0) return found;
    await boundedPause(Math.min(interval, left), maxIntervalMs, signal, OPERATION);
  }
}
