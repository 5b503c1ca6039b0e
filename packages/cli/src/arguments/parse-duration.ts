import { UsageError } from "../usage-error.js";

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Reads a duration such as `30d`, `12h`, `90s`, `500ms` or `15m` into milliseconds.
 * @throws UsageError naming `option` when it is not one.
 */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) throw new UsageError(`${option} must be a duration such as 30d, 12h, 15m, 90s or 500ms, not "${text}"`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
