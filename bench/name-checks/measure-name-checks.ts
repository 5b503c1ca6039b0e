// Name checks: how long order() takes to refuse absurd lists of names, in this process. The checks run on the event
// loop without a pause, so the time to the refusal is the time the loop is blocked. No request may leave: the
// client's fetch counts any that would.
import { createCertificateClient, isCertkitError, type OrderRequest } from "@certkit/certificates";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import { resello } from "@certkit/certificates/resello";
import { quantile } from "../lib/quantile.ts";

/** One refused order, timed. */
export interface NameCheckCase {
  label: string;
  names: number;
  /** The field the refusal named. */
  field: string;
  medianMs: number;
  maxMs: number;
  requests: number;
}

/** The results of the name-check benchmark. */
export interface NameCheckResults {
  runs: number;
  cases: NameCheckCase[];
}

const distinct = (count: number) => Array.from({ length: count }, (_, index) => `host-${index}.example.com`);

type Provider = "ionos-ssl" | "resello";

const CASES: { label: string; provider: Provider; request: () => OrderRequest }[] = [
  {
    label: "100,000 distinct names",
    provider: "ionos-ssl",
    request: () => ({ commonName: "example.com", altNames: distinct(100_000), product: "SSL_STARTER" }),
  },
  {
    label: "30,000 copies of one name",
    provider: "ionos-ssl",
    request: () => ({
      commonName: "example.com",
      altNames: Array<string>(30_000).fill("www.example.com"),
      product: "SSL_STARTER",
    }),
  },
  {
    label: "999 names, a product taking 1",
    provider: "ionos-ssl",
    request: () => ({ commonName: "example.com", altNames: distinct(998), product: "SSL_STARTER" }),
  },
  // A plan whose limits only Resello knows: every one of the 999 names is checked, then the missing CSR refused.
  {
    label: "999 names, every one checked",
    provider: "resello",
    request: () => ({ commonName: "example.com", altNames: distinct(998) }),
  },
];

/** Refuses each case's order `runs` times (after one warm-up, which loads the checks), and times each refusal. */
export async function measureNameChecks(runs = 20): Promise<NameCheckResults> {
  let requests = 0;
  const fetch = () => {
    requests += 1;
    return Promise.reject(new Error("a refused order sent a request"));
  };
  const clients = {
    "ionos-ssl": createCertificateClient(
      ionosSsl({ apiKey: "bench.key", baseUrl: "https://ionos.example.test/ssl", fetch }),
    ),
    resello: createCertificateClient(
      resello({
        resellerReference: "bench",
        apiKey: "bench-key",
        baseUrl: "https://resello.example.test/api/v1",
        plan: "00000000-0000-4000-8000-000000000000",
        fetch,
      }),
    ),
  };
  const cases: NameCheckCase[] = [];
  for (const { label, provider, request: make } of CASES) {
    const certs = clients[provider];
    const request = make();
    const names = 1 + (request.altNames?.length ?? 0);
    const timings: number[] = [];
    let field = "";
    for (let run = 0; run <= runs; run += 1) {
      requests = 0;
      const started = performance.now();
      const error = await certs.order(request).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      const elapsed = performance.now() - started;
      if (!isCertkitError(error, "INVALID_INPUT"))
        throw new Error(`${label}: the order was not refused as INVALID_INPUT`);
      field = Object.keys(error.fieldErrors ?? {}).join(", ");
      if (run > 0) timings.push(elapsed);
    }
    timings.sort((a, b) => a - b);
    cases.push({ label, names, field, medianMs: quantile(timings, 0.5), maxMs: timings.at(-1)!, requests });
  }
  return { runs, cases };
}
