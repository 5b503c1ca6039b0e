// An ISO 8601 date, or date and time with an optional zone (`T` or a space between them).
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2})?)?)?$/i;

/**
 * A provider's date or time as ISO 8601 (UTC), or `undefined` when it is not one that is on the calendar and the
 * clock. Only ISO 8601 is read: `Date.parse` also reads `"1"` as 2001-01-01, rolls 2027-02-30 into March and reads a
 * time without a zone in the machine's zone. A date alone is the start of that day, and a time without a zone is
 * UTC, both UTC so that every machine reads the same instant.
 */
export function providerTime(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = ISO_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const milliseconds = Math.floor(Number(`0${match[7] ?? ""}`) * 1000);
  const written = new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds));
  // Date.UTC rolls what is not on the calendar or the clock over (day 30 of February, hour 24) rather than refuse it.
  if (
    written.getUTCFullYear() !== year ||
    written.getUTCMonth() !== month - 1 ||
    written.getUTCDate() !== day ||
    written.getUTCHours() !== hour ||
    written.getUTCMinutes() !== minute ||
    written.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  const [offsetHours, offsetMinutes] = [Number(match[10] ?? 0), Number(match[11] ?? 0)];
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offsetMs = (match[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(written.getTime() - offsetMs).toISOString();
}
