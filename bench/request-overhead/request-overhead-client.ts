// The client side of the request-overhead benchmark, in a process of its own: the same certificate GET through raw
// fetch (the baseline), bare openapi-fetch, the certkit client, the facade and DNSimple's official client, timed one
// call at a time by tinybench after a warm-up. Every call checks its answer, so a failing client cannot look fast.
import { request as httpRequest } from "node:http";
import { createCertificateClient } from "@certkit/certificates";
import { dnsimple as dnsimpleAdapter } from "@certkit/certificates/dnsimple";
import { ionos } from "@certkit/certificates/ionos";
import { createDnsimpleClient, type paths as DnsimplePaths } from "@certkit/dnsimple";
import { createIonosSslClient, type paths as IonosPaths } from "@certkit/ionos-ssl";
import { DNSimple, type Fetcher } from "dnsimple";
import createClient from "openapi-fetch";
import { Bench } from "tinybench";
import { reportResult, runAsChild } from "../lib/child-process.ts";
import { quantile } from "../lib/quantile.ts";
import type { FixtureServerInfo } from "./fixture-server.ts";

/** One client doing one operation. */
interface Contender {
  operation: "IONOS get certificate" | "DNSimple get certificate";
  name: string;
  /** The raw-fetch call every other contender of the operation is compared with. */
  baseline?: true;
  call: () => Promise<void>;
}

/** Timings of one contender, in ms per call. */
export interface OverheadRow {
  operation: Contender["operation"];
  name: string;
  baseline: boolean;
  samples: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
}

/** Options of one run: where the server is, and how many calls to time (the command line's one argument, as JSON). */
export interface OverheadClientOptions {
  server: FixtureServerInfo;
  rounds: number;
  iterations: number;
  warmupIterations: number;
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
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
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
  const facade = createCertificateClient(ionos({ apiKey, baseUrl }));
  return [
    {
      operation,
      name: "raw fetch",
      baseline: true,
      call: async () => {
        const response = await fetch(url, { headers: { "X-API-Key": apiKey, Accept: "application/json" } });
        const body = (await response.json()) as { id?: string };
        expect(response.ok && body.id === id, `raw fetch got ${response.status}`);
      },
    },
    {
      operation,
      name: "openapi-fetch (bare, IONOS paths)",
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
      name: "facade certs.get (ionos adapter)",
      call: async () => {
        const order = await facade.get(id);
        expect(order.status === "issued", `the facade read status ${order.status}`);
      },
    },
  ];
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
  const facade = createCertificateClient(dnsimpleAdapter({ token, baseUrl, accountId: account }));
  const orderId = `${account}/${domain}/${certificate}`;
  return [
    {
      operation,
      name: "raw fetch",
      baseline: true,
      call: async () => {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } });
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
      name: "openapi-fetch (bare, DNSimple paths)",
      call: async () => {
        const { data, error } = await bare.GET("/{account}/domains/{domain}/certificates/{certificate}", { params: { path } });
        expect(error === undefined && data?.data.id === certificate, "openapi-fetch got no certificate");
      },
    },
    {
      operation,
      name: "@certkit/dnsimple",
      call: async () => {
        const { data, error } = await certkit.GET("/{account}/domains/{domain}/certificates/{certificate}", { params: { path } });
        expect(!error && data.data.id === certificate, "@certkit/dnsimple got no certificate");
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

/** One round: every contender in turn, `iterations` timed calls each after its warm-up; the samples of each, in ms. */
async function runRound(contenders: readonly Contender[], iterations: number, warmupIterations: number): Promise<number[][]> {
  // Iteration-bound (no time budget), so every contender gets the same number of calls; an error stops the run.
  const bench = new Bench({ iterations, time: 0, warmupIterations, warmupTime: 0, throws: true, retainSamples: true });
  for (const contender of contenders) bench.add(`${contender.operation}: ${contender.name}`, contender.call);
  await bench.run();
  return contenders.map((contender, index) => {
    const result = bench.tasks[index]?.result;
    if (result?.state !== "completed" || !result.latency.samples) {
      throw new Error(`request-overhead: ${contender.name} did not complete (${result?.state})`);
    }
    return [...result.latency.samples];
  });
}

runAsChild(async () => {
  const options = JSON.parse(process.argv[2] ?? "") as OverheadClientOptions;
  const contenders = [...ionosContenders(options.server), ...dnsimpleContenders(options.server)];
  // Several rounds, pooled, each starting with a different contender: a burst of noise on this machine (a GC, the
  // other process) or the cost of going first lands on every contender instead of on whichever one was running.
  const pooled = new Map<Contender, number[]>(contenders.map((contender) => [contender, []]));
  for (let round = 0; round < options.rounds; round++) {
    const shift = round % contenders.length;
    const order = [...contenders.slice(shift), ...contenders.slice(0, shift)];
    const samples = await runRound(order, options.iterations, options.warmupIterations);
    order.forEach((contender, index) => pooled.get(contender)!.push(...samples[index]!));
  }
  const rows: OverheadRow[] = contenders.map((contender) => {
    const sorted = pooled.get(contender)!.sort((a, b) => a - b);
    return {
      operation: contender.operation,
      name: contender.name,
      baseline: contender.baseline === true,
      samples: sorted.length,
      medianMs: quantile(sorted, 0.5),
      p99Ms: quantile(sorted, 0.99),
      meanMs: sorted.reduce((sum, sample) => sum + sample, 0) / sorted.length,
    };
  });
  await reportResult(rows);
});
