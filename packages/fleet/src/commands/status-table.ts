import type { CertificateStatusView } from "../status/certificate-status.js";
import { terminalText } from "./terminal-text.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@certkit/runtime";

function when(iso: string | null, now: Date): string {
  if (iso === null) return "";
  const ms = Date.parse(iso) - now.getTime();
  if (Math.abs(ms) < MINUTE_MS) return "now";
  const rounded =
    Math.abs(ms) >= DAY_MS
      ? `${Math.round(Math.abs(ms) / DAY_MS)}d`
      : Math.abs(ms) >= HOUR_MS
        ? `${Math.round(Math.abs(ms) / HOUR_MS)}h`
        : `${Math.round(Math.abs(ms) / MINUTE_MS)}m`;
  return ms > 0 ? `in ${rounded}` : `${rounded} ago`;
}

/** The certificates as a table for a terminal, with a line of counts by state under it. */
export function formatStatusTable(rows: readonly CertificateStatusView[], now: Date): string {
  const lines = [["KEY", "STATE", "EXPIRES", "NEXT", "LAST ERROR"]];
  for (const row of rows) {
    const expires = row.validUntil === null ? "" : `${row.validUntil.slice(0, 10)} (${when(row.validUntil, now)})`;
    const next = row.nextStep === null ? "" : `${row.nextStep} ${when(row.nextStepAt, now)}`;
    lines.push([row.key, row.state, expires, next, terminalText((row.lastError ?? "").split("\n")[0]!.slice(0, 80))]);
  }
  const widths = lines[0]!.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
  const table = lines.map((line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  const summary = [...counts].map(([state, count]) => `${count} ${state}`).join(", ");
  return `${table.join("\n")}\n${rows.length} certificate${rows.length === 1 ? "" : "s"}${summary === "" ? "" : `: ${summary}`}`;
}
