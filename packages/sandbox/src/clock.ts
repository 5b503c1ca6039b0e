/**
 * The sandbox's notion of "now". Lifecycles (issuance delays, expiry) are computed from it, so a test can move
 * time forward instead of waiting, and the demo can let it follow the wall clock.
 */
export class SandboxClock {
  #offsetMs = 0;
  readonly #frozenAt: number | undefined;

  /**
   * @param options.frozenAt - stop the clock at this instant; it then moves only with {@link SandboxClock.advance}.
   *   Without it the clock follows the system time (plus whatever was advanced).
   */
  constructor(options: { frozenAt?: Date } = {}) {
    this.#frozenAt = options.frozenAt?.getTime();
  }

  /** The current sandbox time. */
  now(): Date {
    return new Date((this.#frozenAt ?? Date.now()) + this.#offsetMs);
  }

  /** Moves the clock forward by `ms` milliseconds (never backward). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`SandboxClock.advance: ms must be a finite number ≥ 0, got ${ms}`);
    this.#offsetMs += ms;
  }
}
