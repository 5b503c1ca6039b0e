const REDACTED = "[REDACTED]";
// Any PEM private key: PKCS#8, RSA, EC, encrypted.
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g;
// Fields whose string values are credentials whatever they hold (`api_key`, `accessToken`, `private_key`, ...).
const SECRET_KEY_NAME = /(password|passwd|secret|token|api[-_]?key|private[-_]?key|authorization)$/i;
// Shorter strings would blank out ordinary words that happen to match.
const MIN_SECRET_LENGTH = 4;
/** How many secrets learnt at run time a {@link Redactor} keeps. */
export const MAX_LEARNT_SECRETS = 16;

/** Removes credentials from text and from JSON-like values before they reach a message, a log or an error. */
export interface Redactor {
  /** `text` with every known secret and every PEM private key replaced by `[REDACTED]`. */
  text: (text: string) => string;
  /** A deep copy of `value` with secrets removed from strings and from fields named like credentials. */
  value: <T>(value: T) => T;
  /**
   * Adds secrets learnt later (access tokens fetched at run time). Only the latest {@link MAX_LEARNT_SECRETS} are
   * kept, so a long-running client does not grow without bound; tokens that old have long expired.
   */
  add: (secrets: readonly string[]) => void;
}

/**
 * Makes a {@link Redactor} for the given secrets (API keys, tokens, passwords).
 * Empty and very short strings are ignored.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const usable = (list: readonly (string | undefined)[]) =>
    list.filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH);
  const given = usable(secrets);
  let learnt: string[] = [];
  let known: string[] = [];
  const update = () => {
    // Longest first, so a secret that contains another is removed whole.
    known = [...new Set([...given, ...learnt])].sort((a, b) => b.length - a.length);
  };
  const add = (more: readonly string[]) => {
    learnt = [...learnt.filter((secret) => !more.includes(secret)), ...usable(more)].slice(-MAX_LEARNT_SECRETS);
    update();
  };
  update();

  const text = (input: string): string => {
    let out = input.replace(PEM_PRIVATE_KEY, REDACTED);
    for (const secret of known) out = out.split(secret).join(REDACTED);
    return out;
  };

  const value = <T>(input: T): T => {
    if (typeof input === "string") return text(input) as T;
    if (Array.isArray(input)) return input.map((item: unknown) => value(item)) as T;
    if (typeof input === "object" && input !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(input)) {
        out[key] = SECRET_KEY_NAME.test(key) && typeof item === "string" ? REDACTED : value(item);
      }
      return out as T;
    }
    return input;
  };

  return { text, value, add };
}

/**
 * Every string held under a field named like a credential (`apiKey`, `token`, `password`, `clientSecret`, ...),
 * at any depth: the secrets of an options object, for a {@link Redactor} that must know them.
 */
export function credentialsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item: unknown) => credentialsIn(item));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => (SECRET_KEY_NAME.test(key) && typeof item === "string" ? [item] : credentialsIn(item)));
}
