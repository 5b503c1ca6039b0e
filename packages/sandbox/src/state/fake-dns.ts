/** Lower-case, without the trailing dot: DNS names compare case-insensitively. */
function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** The TXT records of a {@link FakeDns}, as JSON: name → values. */
export type FakeDnsState = Record<string, string[]>;

/**
 * The sandbox's stand-in for public DNS: the TXT records a customer published to prove control of a domain.
 * Simulated CAs look here, and nowhere else, when they check a DNS validation.
 */
export class FakeDns {
  readonly #txt = new Map<string, Set<string>>();

  /** Publishes a TXT record. Several values may live at one name, as in real DNS. */
  addTxt(name: string, value: string): void {
    const key = normalizeName(name);
    const values = this.#txt.get(key) ?? new Set<string>();
    values.add(value);
    this.#txt.set(key, values);
  }

  /** Removes one TXT value at `name`, or every value there when `value` is not given. */
  removeTxt(name: string, value?: string): void {
    const key = normalizeName(name);
    if (value === undefined) this.#txt.delete(key);
    else this.#txt.get(key)?.delete(value);
  }

  /** The TXT values published at `name`. */
  lookupTxt(name: string): string[] {
    return [...(this.#txt.get(normalizeName(name)) ?? [])];
  }

  /** Every record, for a snapshot. */
  snapshot(): FakeDnsState {
    return Object.fromEntries([...this.#txt].map(([name, values]) => [name, [...values]]));
  }

  /** Replaces every record with those of a snapshot. */
  restore(state: FakeDnsState): void {
    const valid =
      typeof state === "object" &&
      state !== null &&
      Object.values(state).every(
        (values) => Array.isArray(values) && values.every((value) => typeof value === "string"),
      );
    if (!valid) throw new TypeError("fake DNS state must be {name: [TXT values]}");
    this.#txt.clear();
    for (const [name, values] of Object.entries(state)) for (const value of values) this.addTxt(name, value);
  }
}
