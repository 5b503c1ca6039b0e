/**
 * The latest time a sandbox clock reaches: 9000-01-01. Certificates issued then still end before 9999, so every date
 * keeps the four-digit year that X.509 and the providers' date formats have, and no computed date leaves the `Date`
 * range (which would make every later answer fail).
 */
export const LATEST_SANDBOX_TIME = new Date(Date.UTC(9000, 0, 1));

/**
 * The sandbox's notion of "now". Lifecycles (issuance delays, expiry) are computed from it, so a test can move
 * time forward instead of waiting, and the demo can let it follow the wall clock.
 */
export class SandboxClock {
  #offsetMs = 0;
  readonly #frozenAt: number | undefined;

  /**
   * @param options.frozenAt - stop the clock at this instant; it then moves only with {@link SandboxClock.advance}.
   *   Without it the clock follows the system time (plus whatever was advanced). Throws a `RangeError` for an
   *   invalid date or one after {@link LATEST_SANDBOX_TIME}.
   */
  constructor(options: { frozenAt?: Date } = {}) {
    const frozenAt = options.frozenAt?.getTime();
    if (frozenAt !== undefined && !(frozenAt <= LATEST_SANDBOX_TIME.getTime())) {
      throw new RangeError(`SandboxClock: frozenAt must be a valid date up to ${LATEST_SANDBOX_TIME.toISOString()}`);
    }
    this.#frozenAt = frozenAt;
  }

  /** The current sandbox time. */
  now(): Date {
    return new Date((this.#frozenAt ?? Date.now()) + this.#offsetMs);
  }

  /**
   * Moves the clock forward by `ms` milliseconds (never backward). Throws a `RangeError`, and does not move, when `ms`
   * is not a finite number ≥ 0 or would take the clock past {@link LATEST_SANDBOX_TIME}.
   */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`SandboxClock.advance: ms must be a finite number ≥ 0, got ${ms}`);
    const room = LATEST_SANDBOX_TIME.getTime() - this.now().getTime();
    if (ms > room) {
      throw new RangeError(
        `SandboxClock.advance: the clock may not pass ${LATEST_SANDBOX_TIME.toISOString()} (at most ${Math.max(0, room)} ms from now)`,
      );
    }
    this.#offsetMs += ms;
  }
}
