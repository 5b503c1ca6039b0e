// The server side of the fleet benchmark: the certkit sandbox over HTTP in a process of its own, every simulator
// issuing after a second and never running out of what orders draw on, DNSimple's rate limit binding, and many
// domains (so an approver's inbox stays small). It counts every answer's status per provider and GET /_bench/stats
// returns those counts with the orders each simulator holds.
import {
  createSandbox,
  SANDBOX_MOUNTS,
  SANDBOX_PROVIDERS,
  sandboxIssuingAfter,
  type SandboxProvider,
} from "@certkit/sandbox";
import { serveHandlers } from "@certkit/sandbox/node";
import { getResponse, http } from "msw";
import { reportListening, runAsChild } from "../lib/child-process.ts";

/** What the benchmark asks of the server, as JSON on the command line. */
export interface FleetSandboxSetup {
  certificates: number;
  domains: string[];
  dnsimpleRateLimit: { limit: number; windowMs: number };
}

/**
 * What the server reports once listening: its URL, and the simulators given the setup's many domains (their accounts
 * hold only the domains they are given); the others take names under their demo order's domain.
 */
export interface FleetSandboxInfo {
  url: string;
  manyDomainProviders: SandboxProvider[];
}

/** What `/_bench/stats` gives: answers per provider and status, and the orders each simulator holds. */
export interface SandboxStats {
  statuses: Record<string, Record<string, number>>;
  orders: Record<string, number>;
}

runAsChild(async () => {
  const setup = JSON.parse(process.argv[2] ?? "") as FleetSandboxSetup;
  const settings = sandboxIssuingAfter(1_000);
  const sandbox = await createSandbox({
    ...settings,
    dnsimple: { ...settings.dnsimple, domains: setup.domains, rateLimit: setup.dnsimpleRateLimit },
    "dnsimple-v1": { ...settings["dnsimple-v1"], domains: setup.domains },
  });
  const counts: SandboxStats["statuses"] = {};
  const providerOf = (url: string) =>
    (Object.entries(SANDBOX_MOUNTS) as [SandboxProvider, string][]).find(([, mount]) =>
      new URL(url).pathname.startsWith(mount),
    )?.[0] ?? "control";
  const server = await serveHandlers((origin) => {
    const inner = sandbox.handlers(origin);
    return [
      http.get(`${origin}/_bench/stats`, () =>
        Response.json({
          statuses: counts,
          orders: Object.fromEntries(
            SANDBOX_PROVIDERS.map((provider) => [provider, sandbox.simulators[provider].orderCount()]),
          ),
        } satisfies SandboxStats),
      ),
      http.all(`${origin}/*`, async ({ request }) => {
        const response = await getResponse(inner, request);
        const provider = providerOf(request.url);
        const status = String(response?.status ?? 404);
        (counts[provider] ??= {})[status] = (counts[provider][status] ?? 0) + 1;
        return response;
      }),
    ];
  });
  await reportListening({
    url: server.url,
    manyDomainProviders: ["dnsimple", "dnsimple-v1"],
  } satisfies FleetSandboxInfo);
});
