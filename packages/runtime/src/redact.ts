const REDACTED = "[REDACTED]";
// Any PEM private key: PKCS#8, RSA, EC, encrypted.
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(-----END \1PRIVATE KEY-----|$)/g;
// Fields whose string values are credentials whatever they hold (`api_key`, `accessToken`, `private_key`, ...).
const SECRET_KEY_NAME = /(password|passwd|secret|token|(?:api|access)[-_]?key|private[-_]?key|authorization)$/i;
// Shorter strings would blank out ordinary words that happen to match.
const MIN_SECRET_LENGTH = 4;
/**
 * A run of a secret's characters (in any of its forms) is removed wherever it appears once it is half as long as the
 * form, but never shorter than this: a shorter run could be an ordinary word that a readable credential contains
 * (the sandbox's `sandbox.ionos-ssl-api-key`, and the provider name it shares).
 */
export const MIN_PIECE_LENGTH = 8;
/** ...and a run this long is removed however long the form: a cut-off echo of a long token is still a leak. */
export const MAX_PIECE_LENGTH = 16;
/** Deeper levels of a value are replaced by a marker: a hostile answer nested 100,000 deep must not overflow the stack. */
export const MAX_VALUE_DEPTH = 64;
/** How many secrets learnt at run time a {@link Redactor} keeps. */
export const MAX_LEARNT_SECRETS = 16;

/** Removes credentials from text and from JSON-like values before they reach a message, a log or an error. */
export interface Redactor {
  /**
   * `text` with every PEM private key, and every known secret (as it is, URL-encoded, JSON-escaped or base64-encoded
   * at any offset, each also in lower case) replaced by `[REDACTED]`, and so is every run of half of one of those forms or more
   * (at least 8 and at most 16 characters): a secret cut off, or encoded in a way not listed, still goes.
   */
  text: (text: string) => string;
  /**
   * A deep copy of `value` with secrets removed from strings and object keys, fields named like credentials blanked,
   * and levels deeper than {@link MAX_VALUE_DEPTH} replaced by a marker.
   */
  value: <T>(value: T) => T;
  /**
   * Adds secrets learnt later (access tokens fetched at run time). Only the latest {@link MAX_LEARNT_SECRETS} are
   * kept, so a long-running client does not grow without bound; tokens that old have long expired.
   */
  add: (secrets: readonly string[]) => void;
}

/** The base64 of `bytes`, with `btoa` so that it runs outside Node too. */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The ways a secret can be written in an answer: as it is, URL-encoded (upper- or lower-case escapes, `+` for spaces), JSON-escaped, and base64
 * (standard and URL alphabets) at each of the three offsets it can start at inside a longer encoded text, less the
 * characters that depend on its neighbours; each of them also all in lower case.
 */
function formsOf(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  const forms = [
    secret,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    encoded.replace(/%20/g, "+"),
  ];
  forms.push(JSON.stringify(secret).slice(1, -1));
  const bytes = new TextEncoder().encode(secret);
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const whole = Math.floor(padded.length / 3) * 4;
    const middle = base64(padded).slice(offset > 0 ? 4 : 0, whole);
    forms.push(middle, middle.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  // Each in lower case too: a URL parser lowers a host name, and with it any form of a secret echoed there.
  return forms.flatMap((form) => [form, form.toLowerCase()]);
}

/** How many hashes of a piece's first three characters there are. */
const HEAD_BITS = 65_536;
/** A head's count stops here (a 16-bit count): from then on it is never taken for empty, which costs only a lookup. */
const HEAD_COUNT_CAP = 0xffff;

/** A hash of the three characters of `text` from `at`, below {@link HEAD_BITS}. */
function headAt(text: string, at: number): number {
  return (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) & (HEAD_BITS - 1);
}

/**
 * The pieces of every form of the secrets a {@link Redactor} knows, counted, so that a secret is added or dropped at
 * the cost of its own forms alone (a token learnt at run time does not rebuild what the others made).
 */
class PieceIndex {
  /** For each length of piece, how many forms hold each piece of that length. */
  readonly pieces = new Map<number, Map<string, number>>();
  /**
   * How many pieces start with each hash of three characters (a hash, so a count may stand for others too): most
   * places in a text start no piece, and are passed over without making a string.
   */
  readonly heads = new Uint16Array(HEAD_BITS);
  /** Forms shorter than the shortest piece, matched whole, with how many secrets have each. */
  readonly #whole = new Map<string, number>();
  #wholeLongestFirst: string[] | undefined;

  /** Adds (`by` 1) or drops (`by` -1) the forms of `secret`. */
  change(secret: string, by: 1 | -1): void {
    for (const form of new Set(formsOf(secret))) {
      if (form.length < MIN_PIECE_LENGTH) {
        if (form.length >= MIN_SECRET_LENGTH) {
          count(this.#whole, form, by);
          this.#wholeLongestFirst = undefined;
        }
        continue;
      }
      const length = Math.max(MIN_PIECE_LENGTH, Math.min(MAX_PIECE_LENGTH, Math.ceil(form.length / 2)));
      let counts = this.pieces.get(length);
      if (!counts) this.pieces.set(length, (counts = new Map<string, number>()));
      for (let at = 0; at + length <= form.length; at++) {
        count(counts, form.slice(at, at + length), by);
        const head = headAt(form, at);
        if (this.heads[head]! < HEAD_COUNT_CAP) this.heads[head]! += by;
      }
      if (counts.size === 0) this.pieces.delete(length);
    }
  }

  /** The short forms, longest first, so a secret that contains another is removed whole. */
  whole(): readonly string[] {
    return (this.#wholeLongestFirst ??= [...this.#whole.keys()].sort((a, b) => b.length - a.length));
  }
}

/** Adds `by` to `key`'s count in `counts`, forgetting it at 0. */
function count(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/**
 * Makes a {@link Redactor} for the given secrets (API keys, tokens, passwords).
 * Empty and very short strings are ignored.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const usable = (list: readonly (string | undefined)[]) =>
    list.filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH);
  const given = usable(secrets);
  const index = new PieceIndex();
  for (const secret of given) index.change(secret, 1);
  let learnt: string[] = [];
  const add = (more: readonly string[]) => {
    // Called before every try with the same token: only a new one costs anything.
    const fresh = [...new Set(usable(more))];
    if (fresh.every((secret) => learnt.includes(secret) || given.includes(secret))) return;
    // Each secret once in `learnt`, so that each is added to the index once and dropped once.
    const next = [...learnt.filter((secret) => !fresh.includes(secret)), ...fresh].slice(-MAX_LEARNT_SECRETS);
    for (const secret of learnt) if (!next.includes(secret)) index.change(secret, -1);
    for (const secret of next) if (!learnt.includes(secret)) index.change(secret, 1);
    learnt = next;
  };

  /** The places of `input` covered by a piece (overlapping pieces join into one run), or `undefined` when none is. */
  const markRuns = (input: string): boolean[] | undefined => {
    let marked: boolean[] | undefined;
    for (let at = 0; at + MIN_PIECE_LENGTH <= input.length; at++) {
      if (index.heads[headAt(input, at)] === 0) continue;
      for (const [length, counts] of index.pieces) {
        if (at + length <= input.length && counts.has(input.slice(at, at + length))) {
          (marked ??= new Array<boolean>(input.length).fill(false)).fill(true, at, at + length);
        }
      }
    }
    return marked;
  };

  const text = (input: string): string => {
    let out = input.replace(PEM_PRIVATE_KEY, REDACTED);
    if (index.pieces.size > 0) {
      const marked = markRuns(out);
      if (marked) {
        // Each run of marked places becomes one marker; what lies between is copied in one piece.
        let kept = "";
        let from = 0;
        for (let at = marked.indexOf(true); at !== -1; at = marked.indexOf(true, from)) {
          const end = marked.indexOf(false, at);
          kept += out.slice(from, at) + REDACTED;
          from = end === -1 ? out.length : end;
        }
        out = kept + out.slice(from);
      }
    }
    for (const secret of index.whole()) out = out.split(secret).join(REDACTED);
    return out;
  };

  const copy = (input: unknown, depth: number): unknown => {
    if (typeof input === "string") return text(input);
    if (typeof input !== "object" || input === null) return input;
    if (depth >= MAX_VALUE_DEPTH) return "[nested too deep]";
    if (Array.isArray(input)) return input.map((item: unknown) => copy(item, depth + 1));
    return Object.fromEntries(
      Object.entries(input).map(([key, item]) => [
        text(key),
        SECRET_KEY_NAME.test(key) && typeof item === "string" ? REDACTED : copy(item, depth + 1),
      ]),
    );
  };

  return { text, value: <T>(input: T) => copy(input, 0) as T, add };
}

/**
 * Every string held under a field named like a credential (`apiKey`, `token`, `password`, `clientSecret`, ...),
 * at any depth: the secrets of an options object, for a {@link Redactor} that must know them.
 */
export function credentialsIn(value: unknown): string[] {
  const found: string[] = [];
  const visit = (at: unknown, depth: number) => {
    if (depth >= MAX_VALUE_DEPTH || typeof at !== "object" || at === null) return;
    for (const [key, item] of Object.entries(at)) {
      if (SECRET_KEY_NAME.test(key) && typeof item === "string") found.push(item);
      else visit(item, depth + 1);
    }
  };
  visit(value, 0);
  return found;
}
