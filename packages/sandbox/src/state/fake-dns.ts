/** Lower-case, without the trailing dot: DNS names compare case-insensitively. */
function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** The record types a provider's DNS validation may ask for, and so the types the fake DNS holds. */
export const DNS_RECORD_TYPES = ["TXT", "CNAME"] as const;

/** A record type the fake DNS holds: `TXT` (several values at one name) or `CNAME` (one target per name). */
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/**
 * The records of a {@link FakeDns}, as JSON: record type → name → values. A CNAME's one value is its target, lower-case
 * and without the trailing dot. (A state saved before CNAMEs existed, `{name: [TXT values]}`, is still restored.)
 */
export type FakeDnsState = Partial<Record<DnsRecordType, Record<string, string[]>>>;

/** Whether `type` is a record type the fake DNS holds. */
export function isDnsRecordType(type: unknown): type is DnsRecordType {
  return (DNS_RECORD_TYPES as readonly unknown[]).includes(type);
}

/**
 * The sandbox's stand-in for public DNS: the records (TXT, CNAME) a customer published to prove control of a domain.
 * Simulated CAs look here, and nowhere else, when they check a DNS validation.
 */
export class FakeDns {
  readonly #records = new Map<DnsRecordType, Map<string, Set<string>>>(
    DNS_RECORD_TYPES.map((type) => [type, new Map()]),
  );

  #of(type: DnsRecordType): Map<string, Set<string>> {
    const records = this.#records.get(type);
    if (records === undefined) throw new TypeError(`the fake DNS holds no ${String(type)} records`);
    return records;
  }

  /**
   * Publishes a record. Several TXT values may live at one name, as in real DNS; a CNAME replaces the name's target
   * (a name has one), which is kept lower-case and without the trailing dot.
   */
  add(type: DnsRecordType, name: string, value: string): void {
    const records = this.#of(type);
    const key = normalizeName(name);
    if (type === "CNAME") {
      records.set(key, new Set([normalizeName(value)]));
      return;
    }
    const values = records.get(key) ?? new Set<string>();
    values.add(value);
    records.set(key, values);
  }

  /** Removes one value of `type` at `name`, or every value of that type there when `value` is not given. */
  remove(type: DnsRecordType, name: string, value?: string): void {
    const records = this.#of(type);
    const key = normalizeName(name);
    if (value === undefined) records.delete(key);
    else records.get(key)?.delete(type === "CNAME" ? normalizeName(value) : value);
  }

  /** The values of `type` published at `name` (a CNAME's target: at most one). */
  lookup(type: DnsRecordType, name: string): string[] {
    return [...(this.#of(type).get(normalizeName(name)) ?? [])];
  }

  /** Publishes a TXT record: `add("TXT", name, value)`. */
  addTxt(name: string, value: string): void {
    this.add("TXT", name, value);
  }

  /** Removes one TXT value at `name`, or every value there when `value` is not given: `remove("TXT", …)`. */
  removeTxt(name: string, value?: string): void {
    this.remove("TXT", name, value);
  }

  /** The TXT values published at `name`: `lookup("TXT", name)`. */
  lookupTxt(name: string): string[] {
    return this.lookup("TXT", name);
  }

  /** Every record, for a snapshot. */
  snapshot(): FakeDnsState {
    return Object.fromEntries(
      DNS_RECORD_TYPES.map((type) => [
        type,
        Object.fromEntries([...this.#of(type)].map(([name, values]) => [name, [...values]])),
      ]),
    );
  }

  /** Replaces every record with those of a snapshot (or of a TXT-only state saved before CNAMEs existed). */
  restore(state: FakeDnsState | Record<string, string[]>): void {
    const byType = isLegacyState(state) ? { TXT: state } : state;
    const valid =
      typeof byType === "object" &&
      byType !== null &&
      Object.entries(byType).every(([type, records]) => isDnsRecordType(type) && isNameValues(records));
    if (!valid)
      throw new TypeError(
        `fake DNS state must be {type: {name: [values]}}, type one of ${DNS_RECORD_TYPES.join(", ")}`,
      );
    for (const records of this.#records.values()) records.clear();
    for (const [type, records] of Object.entries(byType) as [DnsRecordType, Record<string, string[]>][]) {
      for (const [name, values] of Object.entries(records)) for (const value of values) this.add(type, name, value);
    }
  }
}

/** `{name: [strings]}`. */
function isNameValues(records: unknown): records is Record<string, string[]> {
  return (
    typeof records === "object" &&
    records !== null &&
    !Array.isArray(records) &&
    Object.values(records).every(
      (values) => Array.isArray(values) && values.every((value) => typeof value === "string"),
    )
  );
}

/**
 * A state saved before the fake DNS held CNAMEs: `{name: [TXT values]}`. Its names were saved lower-case, so a key
 * that is a record type (upper-case) marks the current shape; `{}` is both shapes.
 */
function isLegacyState(state: unknown): state is Record<string, string[]> {
  return (
    typeof state === "object" &&
    state !== null &&
    Object.keys(state).length > 0 &&
    !Object.keys(state).some(isDnsRecordType) &&
    Object.values(state).every((values) => Array.isArray(values))
  );
}
