import { formatDuration } from "../output/format-duration.js";
import { UsageError } from "../usage-error.js";
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "@certkit/runtime";

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: SECOND_MS,
  m: MINUTE_MS,
  min: MINUTE_MS,
  h: HOUR_MS,
  d: DAY_MS,
};

/** The shortest and longest duration an option takes. */
export interface DurationBounds {
  min: number;
  max: number;
}

/**
 * Reads a duration such as `30d`, `12h`, `15m`, `90s`, `500ms`, or several at once (`1h30m`), into milliseconds.
 * @throws UsageError naming `option` when it is not one, or lies outside `bounds`.
 */
export function parseDuration(text: string, option: string, bounds: DurationBounds): number {
  const compact = text.trim().toLowerCase();
  const parts = [...compact.matchAll(/(\d+(?:\.\d+)?)(ms|min|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== compact) {
    throw new UsageError(`${option} must be a duration such as 90s, 15m, 2h, 1d or 1h30m, not "${text}"`);
  }
  const ms = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit!]!, 0);
  if (!(ms >= bounds.min && ms <= bounds.max)) {
    throw new UsageError(
      `${option} must be between ${formatDuration(bounds.min)} and ${formatDuration(bounds.max)}, not ${text}`,
    );
  }
  return ms;
}
