/**
 * Lists and searches that lag behind writes, as a provider's search index does: with a lag set, an order shows in
 * every simulator's list (and in searches such as Resello's `client_reference` filter) only once that much sandbox
 * time has passed since it was created. Reading the order by its id is never delayed. Orders made while no lag was
 * set, and restored or seeded ones, show at once.
 */
export class ListLag {
  #ms = 0;
  readonly #createdAt = new Map<string, number>();

  /** The lag, in ms of sandbox time. */
  get ms(): number {
    return this.#ms;
  }

  /** Sets the lag, in ms of sandbox time (`0`: lists show every order at once). Throws a `RangeError` on anything else. */
  set(ms: number): void {
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
      throw new RangeError(`listLag must be a finite number ≥ 0, got ${JSON.stringify(ms)}`);
    this.#ms = ms;
  }

  /** For simulators: `key` (the provider and the order's id) was created at `at`, sandbox time. */
  noteCreated(key: string, at: Date): void {
    if (this.#ms > 0) this.#createdAt.set(key, at.getTime());
  }

  /** For simulators: whether the order `key` shows in a list at `now`. */
  listed(key: string, now: Date): boolean {
    const created = this.#createdAt.get(key);
    return created === undefined || now.getTime() - created >= this.#ms;
  }

  /** No lag, and nothing remembered. */
  clear(): void {
    this.#ms = 0;
    this.#createdAt.clear();
  }
}
