/** Scheme and host lower-cased, as URLs compare. */
function normalizeUrl(url: string): string {
  return new URL(url).href;
}

/** The files of a {@link FakeWeb}, as JSON: URL → content. */
export type FakeWebState = Record<string, string>;

/**
 * The sandbox's stand-in for the customer's web servers: the validation files a customer published
 * (e.g. `http://example.com/.well-known/pki-validation/fileauth.txt`). Simulated CAs read them from here.
 */
export class FakeWeb {
  readonly #files = new Map<string, string>();

  /** Publishes `content` at `url`, replacing what was there. Throws a `TypeError` when `url` is not absolute. */
  publish(url: string, content: string): void {
    this.#files.set(normalizeUrl(url), content);
  }

  /** The content published at `url`, if any. */
  read(url: string): string | undefined {
    return this.#files.get(normalizeUrl(url));
  }

  /** Every file, for a snapshot. */
  snapshot(): FakeWebState {
    return Object.fromEntries(this.#files);
  }

  /** Replaces every file with those of a snapshot. */
  restore(state: FakeWebState): void {
    const valid =
      typeof state === "object" &&
      state !== null &&
      Object.values(state).every((content) => typeof content === "string");
    if (!valid) throw new TypeError("fake web state must be {url: content}");
    for (const url of Object.keys(state)) normalizeUrl(url);
    this.#files.clear();
    for (const [url, content] of Object.entries(state)) this.publish(url, content);
  }
}
