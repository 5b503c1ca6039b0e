// What every provider client does with the options it shares with the others (the runtime's ProviderClientOptions),
// written once and run by each client package with a description of itself. It knows no provider: the target says
// how to make the client, which read to send and how its provider's credentials and error bodies look.
import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { failureOf, thrownBy } from "./failures.js";
import type { MswTestServer } from "./msw-server.js";

/** One bad set of options: what it is, the options, and what the error's message must say. */
export type InvalidOptionsCase = readonly [label: string, options: unknown, message: RegExp];

/** The per-call options the suite gives the target's read. */
export interface ReadOptions {
  timeoutMs?: number;
}

/** A provider client as the client conformance suite sees it. */
export interface ClientConformanceTarget<Client> {
  /** The `provider` its errors carry, e.g. `"ionos-ssl"`. */
  provider: string;
  /** The package's `PACKAGE_NAME` and `PACKAGE_VERSION`, which go into `User-Agent`. */
  packageName: string;
  packageVersion: string;
  /** The package's package.json, which the two above must repeat. */
  manifest: { name: string; version: string };
  /** The `CertkitError` class the package exports: every error must be one. */
  CertkitError: abstract new (
    ...args: never[]
  ) => Error;
  /** The package's client factory. */
  create: (options: never) => Client;
  /** Options that authenticate: spread into every client the suite makes. */
  credentials: Record<string, unknown>;
  /** Every secret in `credentials` and in `invalidCredentials`: none may reach an error's message or a URL. */
  secrets: readonly string[];
  /**
   * Where the credentials must be sent, and their exact value: in a header (`{ header, value }`), or in a query
   * parameter (`{ query, value }`), which is then the only place of the URL a secret may be.
   */
  auth: CredentialPlace;
  /** The production base URL the client uses when given none. */
  defaultBaseUrl: string;
  /** A base URL on a host that never resolves (`*.example.test`), where `msw` answers. */
  baseUrl: string;
  /** A read without path parameters: its path after the base URL, a 2xx body it accepts, and how to send it. */
  read: { path: string; answer: unknown; call: (client: Client, options?: ReadOptions) => Promise<unknown> };
  /** The provider's error body carrying `message`, which the client must show in the error. */
  errorBody: (message: string) => unknown;
  /** Bad credentials, each with the message it must give (options as the factory gets them, not merged). */
  invalidCredentials: readonly InvalidOptionsCase[];
  /** The file's msw server (from `useMswServer`). */
  msw: MswTestServer;
}

/** Where a client sends its credentials: a header, or a query parameter. */
export type CredentialPlace = { header: string; value: string } | { query: string; value: string };

/** What `request` carries where `place` says the credentials go, or `null`. */
function credentialsIn(request: Request | undefined, place: CredentialPlace): string | null {
  if (request === undefined) return null;
  return "header" in place ? request.headers.get(place.header) : new URL(request.url).searchParams.get(place.query);
}

/** `request`'s URL without the query parameter the credentials go in (when they go in one): what may show no secret. */
function urlBesideCredentials(request: Request | undefined, place: CredentialPlace): string | undefined {
  if (request === undefined || "header" in place) return request?.url;
  const url = new URL(request.url);
  url.searchParams.delete(place.query);
  return url.href;
}

/** The shared options, each wrong in one way the runtime rejects, as they are merged with the target's credentials. */
function invalidSharedOptions(baseUrl: string): InvalidOptionsCase[] {
  return [
    ["a relative baseUrl", { baseUrl: "/api" }, /"baseUrl" must be an absolute https URL/],
    ["a baseUrl of another scheme", { baseUrl: "ftp://api.example.test" }, /must use https, not ftp:/],
    [
      "a plain-http baseUrl to another machine",
      { baseUrl: "http://api.example.test" },
      /must use https, not http: \(http only for a loopback host, or with allowInsecureHttp: true\)/,
    ],
    ["a baseUrl with credentials", { baseUrl: "https://u:p@api.example.test" }, /must not hold credentials/],
    ["a baseUrl with a query", { baseUrl: `${baseUrl}?x=1` }, /must not have a query/],
    ["a userAgent with a line break", { userAgent: "a\nb" }, /"userAgent" must be printable/],
    ["a fetch that is not a function", { fetch: "fetch" }, /"fetch" must be a function/],
    [
      "both a fetch and a transport",
      { fetch: () => Promise.resolve(new Response()), transport: {} },
      /give option "fetch" or "transport", not both/,
    ],
    ["a timeoutMs of 0", { timeoutMs: 0 }, /"timeoutMs" must be a number of milliseconds/],
    ["retry settings that are not an object", { retry: 3 }, /"retry" must be an object/],
    ["a negative retry delay", { retry: { maxDelayMs: -5 } }, /"retry.maxDelayMs"/],
    ["a negative retry base delay", { retry: { baseDelayMs: -1 } }, /"retry.baseDelayMs"/],
    ["a maxConcurrency of 0", { maxConcurrency: 0 }, /"maxConcurrency" must be a whole number/],
    ["a maxResponseBytes of 0", { maxResponseBytes: 0 }, /"maxResponseBytes" must be a whole number/],
    ["an onEvent that is not a function", { onEvent: true }, /"onEvent" must be a function/],
  ];
}

/** HTTP statuses and the `CertkitError` code each must become. */
const ERROR_CODES = [
  [400, "VALIDATION_FAILED"],
  [401, "AUTH"],
  [403, "AUTH"],
  [404, "NOT_FOUND"],
  [409, "CONFLICT"],
  [422, "VALIDATION_FAILED"],
  [429, "RATE_LIMITED"],
  [500, "PROVIDER"],
  [503, "PROVIDER"],
] as const;

/**
 * The client conformance suite: default server and `baseUrl`, the credential header, `User-Agent`, fetch injection,
 * options validation (every bad option is an `INVALID_INPUT` before any request, without a secret), error mapping,
 * and that the network policy options (retries, `timeoutMs`, `maxConcurrency`, `onEvent`) reach the runtime.
 */
export function describeClientConformance<Client>(target: ClientConformanceTarget<Client>): void {
  const { msw, read } = target;
  const make = (options: Record<string, unknown> = {}) => target.create({ ...target.credentials, ...options } as never);
  const at = `${target.baseUrl}${read.path}`;
  const answerRead = () => msw.server.use(http.get(at, () => HttpResponse.json(read.answer as never)));

  describe(`${target.provider}: what every client does with its options`, () => {
    it(`sends to ${target.defaultBaseUrl} unless given a baseUrl`, async () => {
      const seen: string[] = [];
      const client = make({
        fetch: (request: Request) => (
          seen.push(urlBesideCredentials(request, target.auth) ?? ""), Promise.resolve(Response.json(read.answer))
        ),
      });
      await read.call(client);
      expect(seen).toEqual([`${target.defaultBaseUrl}${read.path}`]);
    });

    it("accepts a baseUrl with a trailing slash", async () => {
      answerRead();
      expect(await read.call(make({ baseUrl: `${target.baseUrl}/` }))).toMatchObject({ data: read.answer });
      expect(msw.requests.map((request) => urlBesideCredentials(request, target.auth))).toEqual([at]);
    });

    const place = "header" in target.auth ? `the ${target.auth.header} header` : `the ${target.auth.query} parameter`;
    it(`sends the credentials in ${place}, and nowhere else in the URL`, async () => {
      answerRead();
      await read.call(make({ baseUrl: target.baseUrl }));
      expect(credentialsIn(msw.requests[0], target.auth)).toBe(target.auth.value);
      const url = urlBesideCredentials(msw.requests[0], target.auth);
      expect(url).toBeDefined();
      for (const secret of target.secrets) {
        expect(url).not.toContain(secret);
        expect(url).not.toContain(encodeURIComponent(secret));
      }
    });

    it("names the package and version in User-Agent, after the caller's own token", async () => {
      answerRead();
      await read.call(make({ baseUrl: target.baseUrl }));
      await read.call(make({ baseUrl: target.baseUrl, userAgent: "cert-renewer/3.2" }));
      const own = `${target.packageName}/${target.packageVersion}`;
      expect(msw.requests.map((request) => request.headers.get("user-agent"))).toEqual([
        own,
        `cert-renewer/3.2 ${own}`,
      ]);
    });

    it("keeps PACKAGE_NAME and PACKAGE_VERSION equal to package.json's", () => {
      expect({ name: target.packageName, version: target.packageVersion }).toEqual({
        name: target.manifest.name,
        version: target.manifest.version,
      });
    });

    it("sends every request through a given fetch, with the credentials, and nothing else", async () => {
      const given: Request[] = [];
      const client = make({
        baseUrl: target.baseUrl,
        fetch: (request: Request) => (given.push(request), Promise.resolve(Response.json(read.answer))),
      });
      expect(await read.call(client)).toMatchObject({ data: read.answer });
      expect(given.map((request) => credentialsIn(request, target.auth))).toEqual([target.auth.value]);
      expect(msw.requests).toEqual([]);
    });

    const cases: InvalidOptionsCase[] = [
      ...target.invalidCredentials,
      ...invalidSharedOptions(target.baseUrl).map(
        ([label, options, message]): InvalidOptionsCase => [
          label,
          { ...target.credentials, ...(options as object) },
          message,
        ],
      ),
    ];
    it.each(cases)("rejects %s with INVALID_INPUT before any request", (_, options, message) => {
      const error = thrownBy(() => target.create(options as never));
      expect(error).toBeInstanceOf(target.CertkitError);
      expect(error).toMatchObject({ code: "INVALID_INPUT", provider: target.provider, retryable: false });
      expect(error.message).toMatch(message);
      for (const secret of [...target.secrets, "\r\n"]) expect(error.message).not.toContain(secret);
      expect(msw.requests).toEqual([]);
    });

    it("rejects a malformed per-call option with INVALID_INPUT before any request", async () => {
      await expect(read.call(make({ baseUrl: target.baseUrl }), { timeoutMs: -1 })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        provider: target.provider,
      });
      expect(msw.requests).toEqual([]);
    });

    it.each(ERROR_CODES)(
      "maps an HTTP %i answer to %s, with the provider's message and no secret",
      async (status, code) => {
        msw.server.use(
          http.get(at, () => HttpResponse.json(target.errorBody("Nothing doing here") as never, { status })),
        );
        const error = await failureOf(read.call(make({ baseUrl: target.baseUrl, retry: false })));
        expect(error).toBeInstanceOf(target.CertkitError);
        expect(error).toMatchObject({ code, status, provider: target.provider });
        expect(error.message).toContain("Nothing doing here");
        const shown = `${inspect(error, { depth: Infinity, showHidden: true })}\n${JSON.stringify(error)}`;
        for (const secret of target.secrets) expect(shown).not.toContain(secret);
      },
    );

    it("passes retry settings and onEvent to the runtime: a read that got a 503 is sent again", async () => {
      let count = 0;
      msw.server.use(
        http.get(at, () =>
          count++ === 0
            ? HttpResponse.json(target.errorBody("busy") as never, { status: 503 })
            : HttpResponse.json(read.answer as never),
        ),
      );
      const events: string[] = [];
      const client = make({
        baseUrl: target.baseUrl,
        retry: { baseDelayMs: 1 },
        onEvent: (event: { type: string; path: string }) => events.push(`${event.type} ${event.path}`),
      });
      expect(await read.call(client)).toMatchObject({ data: read.answer });
      const { path } = read;
      expect(events).toEqual([
        `request ${path}`,
        `response ${path}`,
        `retry ${path}`,
        `request ${path}`,
        `response ${path}`,
      ]);
    });

    it("with retry: false, sends a read that got a 503 once", async () => {
      msw.server.use(http.get(at, () => HttpResponse.json(target.errorBody("busy") as never, { status: 503 })));
      const error = await failureOf(read.call(make({ baseUrl: target.baseUrl, retry: false })));
      expect(error).toMatchObject({ code: "PROVIDER", status: 503, provider: target.provider });
      expect(msw.requests).toHaveLength(1);
    });

    it("gives up on a try that outlives timeoutMs, with TIMEOUT", async () => {
      msw.server.use(http.get(at, () => new Promise<never>(() => undefined)));
      await expect(read.call(make({ baseUrl: target.baseUrl, timeoutMs: 50, retry: false }))).rejects.toMatchObject({
        code: "TIMEOUT",
        provider: target.provider,
      });
    });

    it("holds calls beyond maxConcurrency until one finishes", async () => {
      const calls = 5;
      let arrived = 0;
      let inFlight = 0;
      let most = 0;
      let held: (() => void)[] = [];
      // Each answer waits for a second request to be in flight (or for the last call), so that two at once is
      // certain on a loaded machine, and a third would be seen: no timer decides it.
      msw.server.use(
        http.get(at, async () => {
          arrived++;
          most = Math.max(most, ++inFlight);
          if (inFlight >= 2 || arrived === calls) {
            for (const release of held) release();
            held = [];
          } else {
            await new Promise<void>((resolve) => held.push(resolve));
          }
          inFlight--;
          return HttpResponse.json(read.answer as never);
        }),
      );
      const client = make({ baseUrl: target.baseUrl, maxConcurrency: 2 });
      await Promise.all(Array.from({ length: calls }, () => read.call(client)));
      expect(msw.requests).toHaveLength(calls);
      expect(most).toBe(2);
    });
  });
}
