/** Scheme and host lower-cased, as URLs compare. */
function normalizeUrl(url: string): string {
  return new URL(url).href;
}

/**
 * The sandbox's stand-in for the customer's web servers: the validation files a customer published
 * (e.g. `http://example.com/.well-known/pki-validation/fileauth.txt`). Simulated CAs read them from here.
 */
export class FakeWeb {
  readonly #files = new Map<string, string>();

  /** Publishes `content` at `url`, replacing what was there. */
  publish(url: string, content: string): void {
    this.#files.set(normalizeUrl(url), content);
  }

  /** The content published at `url`, if any. */
  read(url: string): string | undefined {
    return this.#files.get(normalizeUrl(url));
  }
}
