import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "@certkit/runtime";

const UNITS_MS = { s: SECOND_MS, m: MINUTE_MS, h: HOUR_MS, d: DAY_MS } as const;

/**
 * Reads a duration written as a whole number and a unit: `45s`, `90m`, `12h`, `30d`. Returns milliseconds, or
 * `undefined` when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNITS_MS[match[2] as keyof typeof UNITS_MS];
}
