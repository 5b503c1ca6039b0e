import type { CertificateOrder } from "@certkit/certificates";
import { formatDuration, formatElapsed } from "./format-duration.js";
import type { Output } from "./output.js";

/** How `waitForStatus` paces its looks (its `intervalMs`, `maxIntervalMs` and `maxWaitMs`). */
export interface WaitPace {
  intervalMs: number;
  maxIntervalMs: number;
  maxWaitMs: number;
}

/** How often the line is redrawn on a terminal, so elapsed time and the count-down to the next look move. */
const REDRAW_MS = 1_000;

/**
 * The progress line of a wait, on stderr: on a terminal, one line redrawn every second with the time elapsed and
 * when the next look is; elsewhere (a log, a pipe) one line per look.
 *
 * When the next look comes follows `waitForStatus`'s documented pace: the first pause is `intervalMs`, each next one
 * half as long again up to `maxIntervalMs`, and none goes past `maxWaitMs`. A look that comes later than that (the
 * provider asked for a longer pause) shows as "looking again".
 */
export class WaitProgress {
  readonly #started: number;
  #pause: number;
  #nextLookAt: number | undefined;
  #seen: { order: CertificateOrder; attempt: number } | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly output: Output,
    private readonly heading: string,
    private readonly pace: WaitPace,
    private readonly now: () => number = Date.now,
  ) {
    this.#started = now();
    this.#pause = pace.intervalMs;
    if (output.interactive) {
      this.#timer = setInterval(() => this.#draw(), REDRAW_MS);
      this.#timer.unref();
    }
  }

  /** Time since the wait began, in ms. */
  get elapsedMs(): number {
    return this.now() - this.#started;
  }

  /**
   * The order as a look found it: shown at once, and the next look's time worked out, unless it is the `last` (the
   * wait is over), which then shows no next look.
   */
  looked(order: CertificateOrder, attempt: number, last: boolean): void {
    const now = this.now();
    this.#seen = { order, attempt };
    this.#nextLookAt = last
      ? undefined
      : now + Math.min(this.#pause, Math.max(0, this.#started + this.pace.maxWaitMs - now));
    this.#pause = Math.min(this.pace.maxIntervalMs, Math.round(this.#pause * 1.5));
    this.#draw();
  }

  /** Stops redrawing and ends the line, so what is printed next starts on a line of its own. */
  stop(): void {
    clearInterval(this.#timer);
    this.output.endProgress();
  }

  #draw(): void {
    if (this.#seen === undefined) return;
    const { order, attempt } = this.#seen;
    const now = this.now();
    const next =
      this.#nextLookAt === undefined
        ? ""
        : this.#nextLookAt - now < 500
          ? ", looking again"
          : `, next look in ${formatElapsed(this.#nextLookAt - now + 500)}`;
    const state = `${order.status} (${order.providerStatus || "no status"})`;
    const pace = this.output.interactive
      ? `${formatElapsed(now - this.#started)} elapsed${next}`
      : `${formatDuration(now - this.#started)} elapsed`;
    this.output.progress(`${this.heading}: ${state}, look ${attempt}, ${pace}`);
  }
}
