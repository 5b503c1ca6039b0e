import { LATEST_SANDBOX_TIME } from "../clock.js";
import type { SandboxSnapshot } from "../sandbox.js";

// Deeper than any simulator's state nests; deeper JSON would overflow the stack of code that copies it.
const MAX_DEPTH = 64;
// A time as the simulators store it (`Date.toISOString()`); a `+275760-…` year is what a clock past the range wrote.
const ISO_TIME = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
// Times in state (a certificate's end) may lie after the clock's limit, but keep a four-digit year.
const FOUR_DIGIT_YEAR = /^\d{4}-/;

/**
 * Checks what every snapshot needs before any part of it is restored: its format, its parts, a `now` the clock can
 * reach, every time in it valid and within the years 0000–9999, and no nesting deeper than state needs. Each simulator
 * then checks its own part. Throws a `TypeError` naming the first problem.
 */
export function checkSnapshot(snapshot: SandboxSnapshot): void {
  if ((snapshot as SandboxSnapshot | null)?.format !== "certkit-sandbox/1") {
    throw new TypeError('not a sandbox snapshot: expected {"format": "certkit-sandbox/1", ...}');
  }
  for (const key of ["ca", "dns", "web", "providers"] as const) {
    if (typeof snapshot[key] !== "object" || snapshot[key] === null)
      throw new TypeError(`sandbox snapshot: "${key}" must be an object`);
  }
  if (!Array.isArray(snapshot.mail)) throw new TypeError('sandbox snapshot: "mail" must be an array');
  const now = typeof snapshot.now === "string" ? Date.parse(snapshot.now) : Number.NaN;
  if (Number.isNaN(now)) throw new TypeError('sandbox snapshot: "now" must be an ISO 8601 time');
  if (now > LATEST_SANDBOX_TIME.getTime()) {
    throw new TypeError(
      `sandbox snapshot: "now" (${snapshot.now}) is after ${LATEST_SANDBOX_TIME.toISOString()}, the latest time a sandbox clock reaches`,
    );
  }
  checkValues(snapshot);
}

/** Walks the whole snapshot without recursion, checking depth and every time it holds. */
function checkValues(snapshot: SandboxSnapshot): void {
  const pending: [unknown, string, number][] = [[snapshot, "", 0]];
  while (pending.length > 0) {
    const [value, path, depth] = pending.pop()!;
    if (typeof value === "string" && ISO_TIME.test(value)) {
      if (Number.isNaN(Date.parse(value)) || !FOUR_DIGIT_YEAR.test(value)) {
        throw new TypeError(
          `sandbox snapshot: ${path || "the snapshot"} holds a time out of range: ${JSON.stringify(value.slice(0, 40))}`,
        );
      }
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_DEPTH) throw new TypeError(`sandbox snapshot: ${path} nests deeper than ${MAX_DEPTH} levels`);
    for (const [key, child] of Object.entries(value)) pending.push([child, `${path}/${key}`, depth + 1]);
  }
}
