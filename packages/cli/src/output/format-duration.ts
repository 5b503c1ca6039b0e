const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Two units at most, the larger first: `2 d 3 h`, `1 h 5 min`, `2 min 30 s`. The smaller is left out when it is 0. */
function twoUnits(ms: number, large: number, largeName: string, small: number, smallName: string): string {
  const whole = Math.floor(ms / large);
  const rest = Math.floor((ms - whole * large) / small);
  return rest === 0 ? `${whole} ${largeName}` : `${whole} ${largeName} ${rest} ${smallName}`;
}

/**
 * A duration as a person reads it: `250 ms`, `4.2 s`, `45 s`, `2 min 30 s`, `1 h 5 min`, `3 d 2 h`. Below ten
 * seconds it keeps a tenth, where the difference still shows.
 */
export function formatDuration(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < 10 * SECOND) return `${(Math.floor(ms / 100) / 10).toString()} s`;
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)} s`;
  if (ms < HOUR) return twoUnits(ms, MINUTE, "min", SECOND, "s");
  if (ms < DAY) return twoUnits(ms, HOUR, "h", MINUTE, "min");
  return twoUnits(ms, DAY, "d", HOUR, "h");
}

/** Elapsed time on a progress line: whole seconds (`0 s`, `12 s`, `2 min 5 s`), so the line does not flicker. */
export function formatElapsed(ms: number): string {
  return ms < 10 * SECOND ? `${Math.floor(ms / SECOND)} s` : formatDuration(ms);
}
