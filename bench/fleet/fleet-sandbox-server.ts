// The server side of the fleet benchmark: the certkit sandbox over HTTP in a process of its own, with issuance
// delays of a second, enough IONOS slots, DNSimple's rate limit binding, and many domains (so an approver's inbox
// stays small). It counts every answer's status per provider, which GET /_bench/stats returns.
import { createSandbox, SANDBOX_MOUNTS, type SandboxProvider } from "@certkit/sandbox";
import { serveHandlers } from "@certkit/sandbox/node";
import { getResponse, http } from "msw";
import { reportListening, runAsChild } from "../lib/child-process.ts";

/** What the benchmark asks of the server, as JSON on the command line. */
export interface FleetSandboxSetup {
  certificates: number;
  domains: string[];
  dnsimpleRateLimit: { limit: number; windowMs: number };
}

/** Answers per provider and status, as `/_bench/stats` gives them. */
export type StatusCounts = Record<string, Record<string, number>>;

runAsChild(async () => {
  const setup = JSON.parse(process.argv[2] ?? "") as FleetSandboxSetup;
  const delayMs = 1_000;
  const sandbox = await createSandbox({
    "ionos-ssl": { issuanceDelayMs: delayMs, slots: { SSL_STARTER: setup.certificates } },
    dnsimple: { issuanceDelayMs: delayMs, domains: setup.domains, rateLimit: setup.dnsimpleRateLimit },
    "dnsimple-v1": { issuanceDelayMs: delayMs, domains: setup.domains },
    resello: { issuanceDelayMs: delayMs },
    sslmarket: { issuanceDelayMs: delayMs },
  });
  const counts: StatusCounts = {};
  const providerOf = (url: string) =>
    (Object.entries(SANDBOX_MOUNTS) as [SandboxProvider, string][]).find(([, mount]) =>
      new URL(url).pathname.startsWith(mount),
    )?.[0] ?? "control";
  const server = await serveHandlers((origin) => {
    const inner = sandbox.handlers(origin);
    return [
      http.get(`${origin}/_bench/stats`, () => Response.json(counts)),
      http.all(`${origin}/*`, async ({ request }) => {
        const response = await getResponse(inner, request);
        const provider = providerOf(request.url);
        const status = String(response?.status ?? 404);
        (counts[provider] ??= {})[status] = (counts[provider][status] ?? 0) + 1;
        return response;
      }),
    ];
  });
  await reportListening({ url: server.url });
});
