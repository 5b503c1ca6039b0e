// The client side of the request-overhead benchmark: the same certificate GET through raw fetch (the baseline), bare
// openapi-fetch, the certkit client (on fetch and on undici's Dispatcher API), the facade and DNSimple's official
// client. Each contender runs in a process of its own (this script, given its index), so no other contender's code
// warms or loads what it uses (fetch's internals above all); it makes one block of calls, timed one at a time, each
// time the parent asks. Every call checks its answer, so a failing client cannot look fast.
import { request as httpRequest } from "node:http";
import { createCertificateClient } from "@certkit/certificates";
import { dnsimple as dnsimpleAdapter } from "@certkit/certificates/dnsimple";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import { createDnsimpleClient, type paths as DnsimplePaths } from "@certkit/dnsimple";
import { createIonosSslClient, ionosSslClientConfig, type paths as IonosPaths } from "@certkit/ionos-ssl";
import { composeApiClient } from "@certkit/runtime";
import { undiciTransport } from "@certkit/runtime/undici";
import { DNSimple, type Fetcher } from "dnsimple";
import createClient from "openapi-fetch";
import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { answerRequests, reportListening, runAsChild } from "../lib/child-process.ts";
import type { FixtureServerInfo } from "./fixture-server.ts";

/** One client doing one operation. */
interface Contender {
  operation: "IONOS get certificate" | "DNSimple get certificate";
  name: string;
  /** `baseline`: raw fetch, which every ratio of the operation is to; `reference`: bare openapi-fetch, the goal's yardstick. */
  role?: "baseline" | "reference";
  call: () => Promise<void>;
}

/** What a contender's process is given on its command line, as JSON: where the server is, and which contender it runs. */
export interface ContenderProcessArgs {
  server: FixtureServerInfo;
  /** The contender's place in the list of every contender. */
  index: number;
}

/** What a contender's process reports once ready: who it is, and how many contenders there are in all. */
export interface ContenderInfo {
  operation: Contender["operation"];
  name: string;
  role: Contender["role"] | undefined;
  contenders: number;
}

/** What the parent asks of a contender's process: this many calls, one at a time. */
export interface BlockRequest {
  calls: number;
}

/** One block's timings: each call's, in ms, and the process's CPU time per call (user and system), in µs. */
export interface BlockAnswer {
  times: number[];
  cpuUs: number;
}

function expect(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`request-overhead: ${what}`);
}

/**
 * The official client's own Node transport is `https.request`; the fixture server speaks plain HTTP on loopback, so
 * this is the same code over `http.request` (the official client lets a `fetcher` be passed for this).
 */
const nodeHttpFetcher: Fetcher = ({ url, method, headers, body }) =>
  new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () =>
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });

/** The official client's fetcher in browsers (its `window` branch): global fetch, body read as text. */
const fetchFetcher: Fetcher = async ({ url, method, headers, body }) => {
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, body: await response.text() };
};

function ionosContenders({ ionos: server }: FixtureServerInfo): Contender[] {
  const operation = "IONOS get certificate";
  const { id, apiKey, baseUrl } = server;
  const url = `${baseUrl}/v1/certificates/${id}`;
  const bare = createClient<IonosPaths>({ baseUrl, headers: { "X-API-Key": apiKey } });
  const certkit = createIonosSslClient({ apiKey, baseUrl });
  // Only the steps every client has: beside the full client, it shows what retries, the concurrency cap and the
  // rate-limit gate cost together.
  const certkitBasic = composeApiClient<IonosPaths>(ionosSslClientConfig({ apiKey, baseUrl }));
  const certkitOnUndici = createIonosSslClient({ apiKey, baseUrl, transport: undiciTransport() });
  const facade = createCertificateClient(ionosSsl({ apiKey, baseUrl }));
  return [
    {
      operation,
      name: "raw fetch",
      role: "baseline",
      call: async () => {
        const response = await fetch(url, { headers: { "X-API-Key": apiKey, Accept: "application/json" } });
        const body = (await response.json()) as { id?: string };
        expect(response.ok && body.id === id, `raw fetch got ${response.status}`);
      },
    },
    {
      operation,
      name: "openapi-fetch (bare, IONOS paths)",
      role: "reference",
      call: async () => {
        const { data, error } = await bare.GET("/v1/certificates/{id}", { params: { path: { id } } });
        expect(!error && data.id === id, "openapi-fetch got no certificate");
      },
    },
    {
      operation,
      name: "@certkit/ionos-ssl",
      call: async () => {
        const { data, error } = await certkit.GET("/v1/certificates/{id}", { params: { path: { id } } });
        expect(!error && data.id === id, "@certkit/ionos-ssl got no certificate");
      },
    },
    {
      operation,
      name: "@certkit/ionos-ssl, basic steps only (composeApiClient)",
      call: async () => {
        const { data, error } = await certkitBasic.GET("/v1/certificates/{id}", { params: { path: { id } } });
        expect(!error && data.id === id, "@certkit/ionos-ssl with the basic steps got no certificate");
      },
    },
    {
      operation,
      name: "@certkit/ionos-ssl on undici (transport)",
      call: async () => {
        const { data, error } = await certkitOnUndici.GET("/v1/certificates/{id}", { params: { path: { id } } });
        expect(!error && data.id === id, "@certkit/ionos-ssl on undici got no certificate");
      },
    },
    {
      operation,
      name: "facade certs.get (ionos adapter)",
      call: async () => {
        const order = await facade.get(id);
        expect(order.status === "issued", `the facade read status ${order.status}`);
      },
    },
  ];
}

/**
 * A GET on undici's Dispatcher API with the least a caller can do: the chunks kept from its callbacks, joined and
 * parsed at the end. The floor under the undici transport, which is built on the same calls.
 */
function dispatchJson(dispatcher: Dispatcher, url: URL, headers: string[]): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    dispatcher.dispatch(
      { origin: url.origin, path: url.pathname, method: "GET", headers },
      {
        // undici reads a handler without onRequestStart as one of its older API.
        onRequestStart: () => undefined,
        onResponseStart: (_controller, statusCode) => void (status = statusCode),
        onResponseData: (_controller, chunk) => void chunks.push(chunk),
        onResponseEnd: () => resolve({ status, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) }),
        onResponseError: (_controller, error) => reject(error),
      },
    );
  });
}

/**
 * The request openapi-fetch builds, kept as it is: what {@link dispatchFetch} needs. openapi-fetch takes a `Request`
 * class of the caller's (its `Request` option), so no real `Request` is made.
 */
class DispatchRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers as Headers;
  }
}

/**
 * The thinnest fetch openapi-fetch can be given on undici's Dispatcher API: a bodiless request dispatched as it is,
 * and an answer with only what openapi-fetch reads of one (status, one header lookup, `json()`). No timeout, no
 * retry, no size cap, no redirect check: the floor under any transport that keeps openapi-fetch on this API.
 */
function dispatchFetch(dispatcher: Dispatcher): (request: Request) => Promise<Response> {
  return (given) =>
    new Promise((resolve, reject) => {
      const request = given as unknown as DispatchRequest;
      const url = new URL(request.url);
      const headers: string[] = [];
      request.headers.forEach((value, name) => headers.push(name, value));
      const chunks: Buffer[] = [];
      let status = 0;
      let answerHeaders: Record<string, string | string[] | undefined> = {};
      dispatcher.dispatch(
        { origin: url.origin, path: url.pathname + url.search, method: request.method, headers },
        {
          onRequestStart: () => undefined,
          onResponseStart: (_controller, statusCode, responseHeaders) => {
            status = statusCode;
            answerHeaders = responseHeaders;
          },
          onResponseData: (_controller, chunk) => void chunks.push(chunk),
          onResponseEnd: () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const answer = {
              status,
              ok: status >= 200 && status < 300,
              headers: { get: (name: string) => answerHeaders[name.toLowerCase()] ?? null },
              json: () => Promise.resolve(JSON.parse(text) as unknown),
              text: () => Promise.resolve(text),
            };
            resolve(answer as unknown as Response);
          },
          onResponseError: (_controller, error) => reject(error),
        },
      );
    });
}

function dnsimpleContenders({ dnsimple: server }: FixtureServerInfo): Contender[] {
  const operation = "DNSimple get certificate";
  const { account, domain, certificate, token, baseUrl } = server;
  const url = `${baseUrl}/${account}/domains/${domain}/certificates/${certificate}`;
  const path = { account, domain, certificate };
  // The official client appends `/v2/...` to its base URL.
  const officialBaseUrl = baseUrl.replace(/\/v2$/, "");
  const officialOverFetch = new DNSimple({ accessToken: token, baseUrl: officialBaseUrl, fetcher: fetchFetcher });
  const officialOverHttp = new DNSimple({ accessToken: token, baseUrl: officialBaseUrl, fetcher: nodeHttpFetcher });
  const bare = createClient<DnsimplePaths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const certkit = createDnsimpleClient({ token, baseUrl });
  const dispatcher = new Agent();
  const parsedUrl = new URL(url);
  const bareOnDispatch = createClient<DnsimplePaths>({
    baseUrl,
    headers: { Authorization: `Bearer ${token}` },
    Request: DispatchRequest as unknown as typeof Request,
    fetch: dispatchFetch(dispatcher),
  });
  const certkitOnUndici = createDnsimpleClient({ token, baseUrl, transport: undiciTransport() });
  const facade = createCertificateClient(dnsimpleAdapter({ token, baseUrl, accountId: account }));
  const orderId = `${account}/${domain}/${certificate}`;
  return [
    {
      operation,
      name: "raw fetch",
      role: "baseline",
      call: async () => {
        const response = await fetch(url, {
          headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
        });
        const body = (await response.json()) as { data?: { id?: number } };
        expect(response.ok && body.data?.id === certificate, `raw fetch got ${response.status}`);
      },
    },
    {
      operation,
      name: "dnsimple (official, fetch fetcher)",
      call: async () => {
        const { data } = await officialOverFetch.certificates.getCertificate(account, domain, certificate);
        expect(data.id === certificate, "the official client got no certificate");
      },
    },
    {
      operation,
      name: "dnsimple (official, node:http fetcher)",
      call: async () => {
        const { data } = await officialOverHttp.certificates.getCertificate(account, domain, certificate);
        expect(data.id === certificate, "the official client got no certificate");
      },
    },
    {
      operation,
      name: "raw undici.request",
      call: async () => {
        const { statusCode, body } = await undiciRequest(url, {
          headers: { authorization: `Bearer ${token}`, accept: "application/json" },
        });
        const parsed = (await body.json()) as { data?: { id?: number } };
        expect(statusCode === 200 && parsed.data?.id === certificate, `raw undici.request got ${statusCode}`);
      },
    },
    {
      operation,
      name: "raw undici dispatch (handler callbacks)",
      call: async () => {
        const { status, body } = await dispatchJson(dispatcher, parsedUrl, [
          "authorization",
          `Bearer ${token}`,
          "accept",
          "application/json",
        ]);
        const parsed = body as { data?: { id?: number } };
        expect(status === 200 && parsed.data?.id === certificate, `raw undici dispatch got ${status}`);
      },
    },
    {
      operation,
      name: "openapi-fetch (bare) on raw undici dispatch",
      call: async () => {
        const { data, error } = await bareOnDispatch.GET("/{account}/domains/{domain}/certificates/{certificate}", {
          params: { path },
        });
        expect(error === undefined && data?.data.id === certificate, "openapi-fetch on dispatch got no certificate");
      },
    },
    {
      operation,
      name: "openapi-fetch (bare, DNSimple paths)",
      role: "reference",
      call: async () => {
        const { data, error } = await bare.GET("/{account}/domains/{domain}/certificates/{certificate}", {
          params: { path },
        });
        expect(error === undefined && data?.data.id === certificate, "openapi-fetch got no certificate");
      },
    },
    {
      operation,
      name: "@certkit/dnsimple",
      call: async () => {
        const { data, error } = await certkit.GET("/{account}/domains/{domain}/certificates/{certificate}", {
          params: { path },
        });
        expect(!error && data.data.id === certificate, "@certkit/dnsimple got no certificate");
      },
    },
    {
      operation,
      name: "@certkit/dnsimple on undici (transport)",
      call: async () => {
        const { data, error } = await certkitOnUndici.GET("/{account}/domains/{domain}/certificates/{certificate}", {
          params: { path },
        });
        expect(!error && data.data.id === certificate, "@certkit/dnsimple on undici got no certificate");
      },
    },
    {
      operation,
      name: "facade certs.get (dnsimple adapter)",
      call: async () => {
        const order = await facade.get(orderId);
        expect(order.status === "issued", `the facade read status ${order.status}`);
      },
    },
  ];
}

runAsChild(async () => {
  const { server, index } = JSON.parse(process.argv[2] ?? "") as ContenderProcessArgs;
  const contenders = [...ionosContenders(server), ...dnsimpleContenders(server)];
  const contender = contenders[index];
  if (contender === undefined) throw new Error(`request-overhead: no contender ${index}`);
  answerRequests(async (request) => {
    const { calls } = request as BlockRequest;
    const times: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (let call = 0; call < calls; call++) {
      const started = performance.now();
      await contender.call();
      times.push(performance.now() - started);
    }
    const used = process.cpuUsage(cpuBefore);
    return { times, cpuUs: (used.user + used.system) / calls } satisfies BlockAnswer;
  });
  const { operation, name, role } = contender;
  await reportListening({ operation, name, role, contenders: contenders.length } satisfies ContenderInfo);
});
