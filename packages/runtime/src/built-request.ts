const encoder = new TextEncoder();

/**
 * The request openapi-fetch builds when no middleware is there to see it: the URL, the method, the `Headers`
 * openapi-fetch made, the body as it serialized it and the rest of its init (`credentials`, `cache`...), without the
 * `Request` of them that fetch would build again from it anyway (URL parsing, a copy of the headers, a signal). The
 * transport sends it: the fetch one as `fetch(url, init)`, the undici one as it is.
 */
export class BuiltRequest {
  /** The whole URL, query string included. */
  readonly url: string;
  /** `GET`, `POST`...: `GET` when the init names none. */
  readonly method: string;
  /** The headers that will be sent: a step sets one here. */
  readonly headers: Headers;
  /** What the init asked for; every transport sends with `manual`, whatever it says. */
  readonly redirect: RequestRedirect;
  /** The init it was built with, whose other settings fetch is given as they are. */
  readonly init: RequestInit;
  #body: BodyInit | null;

  /** Takes what openapi-fetch gives `new Request(url, init)`; a step replacing a light request calls it the same way. */
  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.redirect = init.redirect ?? "manual";
    this.init = init;
    this.#body = init.body ?? null;
  }

  /** The body as openapi-fetch serialized it (`null` without one); any `BodyInit` a `Request` takes. */
  get body(): BodyInit | null {
    return this.#body;
  }

  /** The body's bytes. As with a `Request`, a streamed body is used up: read a `clone()` of a request still to send. */
  arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.#body;
    if (body === null) return Promise.resolve(new ArrayBuffer(0));
    if (typeof body === "string") return Promise.resolve(encoder.encode(body).buffer);
    return new Response(body).arrayBuffer();
  }

  /** The body as UTF-8 text; see {@link BuiltRequest.arrayBuffer}. */
  text(): Promise<string> {
    return this.arrayBuffer().then((bytes) => new TextDecoder().decode(bytes));
  }

  /**
   * Another request of the same, to send again: a string, a `Blob` or a `FormData` (what openapi-fetch's serializers
   * make) can be sent twice; a stream (a serializer of the caller's) is split in two, as `Request.clone()` does.
   */
  clone(): BuiltRequest {
    let body = this.#body;
    if (body instanceof ReadableStream) [this.#body, body] = body.tee();
    return new BuiltRequest(this.url, { ...this.init, headers: new Headers(this.headers), body });
  }
}
