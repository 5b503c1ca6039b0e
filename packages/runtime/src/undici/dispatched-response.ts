import type { Dispatcher } from "undici";

type IncomingHttpHeaders = Dispatcher.ResponseData["headers"];

/** Where Node's `util.inspect` (and `console.log`) looks for how to print an object. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** A header's value as `Headers.get` gives it: several values joined by commas. */
function joined(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return typeof value === "string" ? value : value.join(", ");
}

/**
 * The headers of an answer the Dispatcher API gave, as they came (lower-case names). `get` and `has` read them as
 * they are; anything else (iterating, changing) works on a real `Headers` made the first time it is needed.
 */
export class DispatchedHeaders {
  #raw: IncomingHttpHeaders;
  #real: Headers | undefined;

  constructor(raw: IncomingHttpHeaders) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    return this.#real ? this.#real.get(name) : joined(this.#own(name));
  }

  has(name: string): boolean {
    return this.#real ? this.#real.has(name) : this.#own(name) !== undefined;
  }

  /** A header as it came; never what the raw object inherits (`constructor`, `__proto__`). */
  #own(name: string): string | string[] | undefined {
    const key = name.toLowerCase();
    return Object.hasOwn(this.#raw, key) ? this.#raw[key] : undefined;
  }

  /** The headers as a real `Headers`, made once. */
  real(): Headers {
    if (!this.#real) {
      this.#real = new Headers();
      for (const [name, value] of Object.entries(this.#raw)) {
        for (const one of Array.isArray(value) ? value : [value ?? ""]) this.#real.append(name, one);
      }
    }
    return this.#real;
  }
}

// Everything else a `Headers` does, on the real one.
for (const method of [
  "append",
  "delete",
  "set",
  "forEach",
  "entries",
  "keys",
  "values",
  "getSetCookie",
  Symbol.iterator,
] as const) {
  Object.defineProperty(DispatchedHeaders.prototype, method, {
    value(this: DispatchedHeaders, ...args: unknown[]) {
      return (this.real()[method] as (...args: unknown[]) => unknown).apply(this.real(), args);
    },
  });
}
// Node prints a Headers by reading its private fields, which this has not: it prints the real one.
Object.defineProperty(DispatchedHeaders.prototype, INSPECT, {
  value(this: DispatchedHeaders, depth: number, options: object, inspect: (value: unknown, options: object) => string) {
    return inspect(this.real(), options);
  },
});
Object.setPrototypeOf(DispatchedHeaders.prototype, Headers.prototype);

/** What {@link DispatchedResponse} is made from. */
export interface DispatchedAnswer {
  status: number;
  statusText: string;
  url: string;
  headers: DispatchedHeaders;
  bytes: Uint8Array;
  text: string | undefined;
  parsed: { value: unknown } | undefined;
}

const decoder = new TextDecoder();
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * An answer of the Dispatcher API, read whole, shaped as a `Response` (it is one for `instanceof`): status, headers
 * and every way of reading the body, from the bytes already read. No `Response` is built unless something asks for
 * what only a real one has (`clone()`, `body`, `blob()`, `formData()`), which is what makes it cheap.
 */
export class DispatchedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly redirected = false;
  readonly type = "basic";
  readonly bodyUsed = false;
  readonly #answer: DispatchedAnswer;

  constructor(answer: DispatchedAnswer) {
    this.#answer = answer;
    this.status = answer.status;
    this.statusText = answer.statusText;
    this.url = answer.url;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get headers(): Headers {
    return this.#answer.headers as unknown as Headers;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.real().body;
  }

  text(): Promise<string> {
    const answer = this.#answer;
    return Promise.resolve((answer.text ??= decoder.decode(answer.bytes)));
  }

  json(): Promise<unknown> {
    const { parsed } = this.#answer;
    return parsed ? Promise.resolve(parsed.value) : this.text().then((text) => JSON.parse(text) as unknown);
  }

  // Copies, each time: the bytes kept may be a view of undici's socket buffer (a `Buffer`'s `slice` is a view too),
  // whose other bytes are other data, this request's own headers among them.
  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(new Uint8Array(this.#answer.bytes).buffer);
  }

  bytes(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#answer.bytes));
  }

  blob(): Promise<Blob> {
    return this.real().blob();
  }

  formData(): Promise<FormData> {
    return this.real().formData();
  }

  clone(): Response {
    return this.real();
  }

  /** A real `Response` of the bytes kept. */
  private real(): Response {
    const { status, statusText, bytes, headers } = this.#answer;
    const body = NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(bytes);
    return new Response(body, { status, statusText, headers: headers.real() });
  }

  // Node prints a Response by reading its private fields, which this has not: it prints what a Response shows.
  [INSPECT](depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    const { status, statusText, headers, ok, url, redirected, type, bodyUsed } = this;
    const shown = { status, statusText, headers, body: null, bodyUsed, ok, redirected, type, url };
    return `Response ${inspect(shown, options)}`;
  }
}
Object.setPrototypeOf(DispatchedResponse.prototype, Response.prototype);
