/** What openapi-fetch gives the request class: the URL it built, and its request init. */
interface BuiltInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  redirect?: RequestRedirect;
}

const encoder = new TextEncoder();

/**
 * The request openapi-fetch builds for the Dispatcher transport when no middleware is there to see it: the URL, the
 * method, the `Headers` openapi-fetch made, and the body as it serialized it, without the `Request` fetch would make
 * of them (its URL parsing, header copies and signal). It is never given to `fetch`.
 */
export class DispatchedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly redirect: RequestRedirect;
  readonly #body: BodyInit | null;

  constructor(url: string, init: BuiltInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.redirect = init.redirect ?? "manual";
    this.#body = init.body ?? null;
  }

  /** The body as openapi-fetch serialized it (`null` without one); any `BodyInit` a `Request` takes. */
  get body(): BodyInit | null {
    return this.#body;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.#body;
    if (body === null) return Promise.resolve(new ArrayBuffer(0));
    if (typeof body === "string") return Promise.resolve(encoder.encode(body).buffer);
    return new Response(body).arrayBuffer();
  }

  text(): Promise<string> {
    return this.arrayBuffer().then((bytes) => new TextDecoder().decode(bytes));
  }

  /** Another request of the same; the body (a string, as openapi-fetch makes it) can be sent again. */
  clone(): DispatchedRequest {
    return new DispatchedRequest(this.url, {
      method: this.method,
      headers: new Headers(this.headers),
      body: this.#body,
      redirect: this.redirect,
    });
  }
}
