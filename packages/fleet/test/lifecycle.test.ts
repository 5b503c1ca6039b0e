import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCertificateClient, type RateLimitState } from "@certkit/certificates";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import type { Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterEach, describe, expect, it } from "vitest";
import {
  createAccountConnector,
  FLEET_PROVIDERS,
  openFleet,
  type ProviderConnector,
  type Fleet,
  type FleetFile,
  type FleetOptions,
  type StepOutcome,
} from "../src/index.ts";
import { sandboxFleetFile, startSandboxWorld } from "./support/sandbox-world.ts";
import { sandboxPurchases } from "./support/sandbox-purchases.ts";
import { temporaryFolder } from "./support/temporary-folder.ts";
import { useTestDatabases } from "./support/test-database.ts";

const QUICK = { waitIntervalMs: 100, maxWaitIntervalMs: 500, retryDelaySeconds: 1, superviseIntervalSeconds: 2 };

const databases = useTestDatabases();
let world: { sandbox: Sandbox; server: SandboxServer };
const open: Fleet[] = [];

afterEach(async () => {
  for (const fleet of open.splice(0)) await fleet.close({ timeoutMs: 5_000 });
  await world.server.close();
});

let lastDatabase = "";

async function fleetFor(file: FleetFile, extra: Partial<FleetOptions> = {}): Promise<Fleet> {
  lastDatabase = await databases.fresh();
  const fleet = await openFleet({ file, databaseUrl: lastDatabase, timing: QUICK, ...extra });
  open.push(fleet);
  return fleet;
}

/** Waits (polling the store) until every certificate is delivered or failed, or `limitMs` passes. */
async function settled(fleet: Fleet, limitMs = 200_000) {
  const until = Date.now() + limitMs;
  for (;;) {
    const rows = await fleet.status();
    if (rows.every((row) => row.state === "delivered" || row.state === "failed") || Date.now() > until) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function poll<T>(read: () => Promise<T> | T, done: (value: T) => boolean, limitMs = 120_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fetch that notes each request and adds `extra` headers to the answers it picks. */
function rewritingFetch(pick: (request: Request) => Record<string, string> | undefined, sent: string[]) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    sent.push(`${request.method} ${new URL(request.url).pathname}`);
    const response = await globalThis.fetch(request);
    const extra = pick(request);
    if (extra === undefined) return response;
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return new Response(await response.arrayBuffer(), { status: response.status, headers });
  };
}

/** One DNSimple certificate, its account's client sending through `fetch`. */
function dnsimpleFile(fetch: unknown): FleetFile {
  const { file } = sandboxFleetFile(world.server.url, 1);
  file.certificates = file.certificates.filter((certificate) => certificate.account === "dnsimple");
  file.accounts.dnsimple!.options = { ...file.accounts.dnsimple!.options, fetch };
  return file;
}

describe("a fleet against the sandbox", () => {
  it("orders, validates, downloads and delivers a certificate at every provider, once each", async () => {
    world = await startSandboxWorld();
    const { file, out } = sandboxFleetFile(world.server.url, 1);
    const fleet = await fleetFor(file);
    expect(await fleet.apply()).toBe(FLEET_PROVIDERS.length);
    await fleet.work();
    const rows = await settled(fleet);
    expect(rows.map((row) => [row.key, row.state, row.lastError])).toEqual(
      FLEET_PROVIDERS.map((provider) => [`c0-${provider}`, "delivered", null]).sort(),
    );
    for (const row of rows) {
      expect(row.validUntil).not.toBeNull();
      expect(row.nextStep).toBe("renew");
      const dir = join(out, row.key);
      expect(statSync(join(dir, "privkey.pem")).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, "fullchain.pem")).mode & 0o777).toBe(0o644);
      const fullchain = readFileSync(join(dir, "fullchain.pem"), "utf8");
      expect(await world.sandbox.ca.verifyChain(fullchain, world.sandbox.clock.now())).toMatchObject({
        ok: true,
        names: [row.names[0]],
      });
    }
    expect(await sandboxPurchases(world.server.url)).toEqual(
      Object.fromEntries(FLEET_PROVIDERS.map((provider) => [provider, 1])),
    );
    // Applying the same file again sends nothing: the store already holds that desired state.
    expect(await fleet.apply()).toBe(0);
  });

  it("adopts the order a crashed purchase made instead of buying again", async () => {
    world = await startSandboxWorld();
    const { file } = sandboxFleetFile(world.server.url, 1);
    file.certificates = file.certificates.filter((certificate) => certificate.account === "ionos-ssl");
    const fleet = await fleetFor(file, { timing: { ...QUICK, recoveryGraceMs: 3_600_000 } });
    await fleet.apply();
    // A worker committed its intent with the facade's recovery and sent the purchase, then died before it learnt
    // the order's id.
    const [spec] = file.certificates;
    const { generateCsr } = await import("@certkit/sandbox");
    const { csr } = await generateCsr({ commonName: spec!.names[0]! });
    const ionosClient = createCertificateClient(ionosSsl(world.server.clientOptions("ionos-ssl")));
    const request = { commonName: spec!.names[0]!, csr };
    const recovery = await ionosClient.orderRecovery(request);
    await fleet.store.recordIntent({
      key: spec!.key,
      generation: 1,
      attempt: 1,
      provider: "ionos-ssl",
      account: "ionos-ssl",
      names: spec!.names,
      recovery,
      privateKey: null,
      csr: null,
    });
    const bought = await ionosClient.order(request, { recovery });
    await fleet.work();
    const [row] = await settled(fleet);
    expect(row).toMatchObject({ state: "failed", orderId: bought.id });
    // It adopted the order; without the key it made for the CSR it cannot deliver, and says so. It bought nothing.
    expect(row!.lastError).toMatch(/no private key/);
    expect((await sandboxPurchases(world.server.url))["ionos-ssl"]).toBe(1);
  });

  it("publishes with a command of yours and delivers to a hook, each given JSON on its standard input", async () => {
    world = await startSandboxWorld();
    const { file } = sandboxFleetFile(world.server.url, 1);
    file.certificates = file.certificates.filter((certificate) => certificate.account === "resello");
    const dir = temporaryFolder("certkit-fleet-hooks-");
    // A publisher as a user would write one for their DNS host; here its DNS is the sandbox's, over the control API.
    writeFileSync(
      join(dir, "publish.mjs"),
      `let input = ""; for await (const chunk of process.stdin) input += chunk;
       const { action, validation } = JSON.parse(input);
       if (action !== "publish" || !validation.dns) process.exit(4);
       const answer = await fetch(process.argv[2] + "/_sandbox/dns/txt", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: validation.dns.name, value: validation.dns.value }) });
       process.exit(answer.ok ? 0 : 5);`,
    );
    writeFileSync(
      join(dir, "deliver.mjs"),
      `let input = ""; for await (const chunk of process.stdin) input += chunk; (await import("node:fs")).writeFileSync(process.argv[2], input);`,
    );
    writeFileSync(
      join(dir, "refuse.mjs"),
      `process.stderr.write("the load balancer is read-only\\n"); process.exit(3);`,
    );
    const spec = file.certificates[0]!;
    spec.publisher = { type: "command", command: [process.execPath, join(dir, "publish.mjs"), world.server.url] };
    spec.deliver = { command: [process.execPath, join(dir, "refuse.mjs")] };
    const fleet = await fleetFor(file);
    await fleet.apply();
    await fleet.work();
    // A hook that fails is tried again, its error shown meanwhile.
    let [row] = await fleet.status();
    for (const until = Date.now() + 200_000; row!.lastError === null && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      [row] = await fleet.status();
    }
    expect(row).toMatchObject({
      state: "delivering",
      lastError: expect.stringMatching(/^deliver: .*refuse\.mjs exited with 3: the load balancer is read-only$/),
    });
    await fleet.close();
    open.splice(open.indexOf(fleet), 1);

    // Fixed in the file, the next run delivers.
    spec.deliver = { command: [process.execPath, join(dir, "deliver.mjs"), join(dir, "delivered.json")] };
    const fixed = await openFleet({ file, databaseUrl: lastDatabase, timing: QUICK });
    open.push(fixed);
    await fixed.apply();
    await fixed.work();
    const [done] = await settled(fixed);
    expect(done).toMatchObject({ state: "delivered", lastError: null });
    const delivered = JSON.parse(readFileSync(join(dir, "delivered.json"), "utf8"));
    expect(delivered).toMatchObject({
      action: "deliver",
      key: spec.key,
      names: spec.names,
      provider: "resello",
      generation: 1,
    });
    expect(delivered.fullchain).toBe(`${delivered.certificate}${delivered.chain.join("")}`);
    expect(delivered.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await world.sandbox.ca.verifyChain(delivered.fullchain, world.sandbox.clock.now())).toMatchObject({
      ok: true,
    });
  });

  it("says a purchase whose answer was lost is looked for, not bought again, and buys it once the grace period shows none", async () => {
    world = await startSandboxWorld();
    const { file } = sandboxFleetFile(world.server.url, 1);
    file.certificates = file.certificates.filter((certificate) => certificate.account === "ionos-ssl");
    // The purchase meets a 500: whether the order exists is unknown, and here it does not.
    world.sandbox.faults.add({
      provider: "ionos-ssl",
      method: "POST",
      route: "/v1/certificates",
      status: 500,
      times: 1,
    });
    const outcomes: StepOutcome[] = [];
    const fleet = await fleetFor(file, {
      timing: { ...QUICK, recoveryGraceMs: 1_000 },
      onStep: (outcome) => outcomes.push(outcome),
    });
    await fleet.apply();
    await fleet.work();
    const [row] = await settled(fleet);
    expect(row).toMatchObject({ state: "delivered", lastError: null });
    expect(outcomes.find((outcome) => outcome.outcome === "retry")?.message).toMatch(
      /^ionos-ssl did not confirm the purchase \(.*500.*\): it may have been made, so the order is looked for at ionos-ssl before buying again$/,
    );
    expect((await sandboxPurchases(world.server.url))["ionos-ssl"]).toBe(1);
  });

  it("holds a step while the provider's rate limit is spent, sending nothing until the window resets", async () => {
    world = await startSandboxWorld();
    const { file } = sandboxFleetFile(world.server.url, 1);
    file.certificates = file.certificates.filter((certificate) => certificate.account === "dnsimple");
    const sent: number[] = [];
    const real = createAccountConnector(file.accounts, {
      onEvent: (event) => void (event.type === "request" && sent.push(Date.now())),
    });
    // From the first time the fleet asks, for a second, the client says its last answer left no request: the fleet
    // must not send one before then. The window opens when first asked, not at a fixed time, so a slow start under
    // load cannot let it pass unseen.
    let spent: RateLimitState | undefined;
    const connector: ProviderConnector = {
      client: (provider, account) => {
        const client = real.client(provider, account);
        return new Proxy(client, {
          get: (target, property, receiver) => {
            if (property !== "rateLimit") return Reflect.get(target, property, receiver) as unknown;
            spent ??= { limit: 400, remaining: 0, resetAt: new Date(Date.now() + 1_000), observedAt: new Date() };
            return Date.now() < spent.resetAt!.getTime() ? spent : (Reflect.get(target, property, receiver) as unknown);
          },
        });
      },
    };
    const outcomes: StepOutcome[] = [];
    const fleet = await fleetFor(file, { connector, onStep: (outcome) => outcomes.push(outcome) });
    await fleet.apply();
    await fleet.work();
    const [row] = await settled(fleet);
    expect(row).toMatchObject({ state: "delivered", lastError: null });
    expect(outcomes[0]).toMatchObject({ step: "order", outcome: "held" });
    expect(sent.length).toBeGreaterThan(0);
    expect(Math.min(...sent)).toBeGreaterThanOrEqual(spent!.resetAt!.getTime());
    expect((await sandboxPurchases(world.server.url)).dnsimple).toBe(1);
  });

  it("holds a step by the rate-limit figures another worker kept, when this one has sent nothing yet", async () => {
    world = await startSandboxWorld();
    const { file } = sandboxFleetFile(world.server.url, 1);
    file.certificates = file.certificates.filter((certificate) => certificate.account === "dnsimple");
    const sent: number[] = [];
    const connector = createAccountConnector(file.accounts, {
      onEvent: (event) => void (event.type === "request" && sent.push(Date.now())),
    });
    const outcomes: StepOutcome[] = [];
    const fleet = await fleetFor(file, { connector, onStep: (outcome) => outcomes.push(outcome) });
    // What another worker saw just before it was killed: the window spent, for half an hour.
    const resetAt = new Date(Math.ceil(Date.now() / 1_000) * 1_000 + 1_800_000);
    const spent = { limit: 400, remaining: 0, resetAt, observedAt: new Date() };
    await fleet.store.noteRateLimit("dnsimple", spent, new Date());
    await fleet.store.noteRateLimit(
      "dnsimple",
      { ...spent, remaining: 400, observedAt: new Date(Date.now() - 60_000) },
      new Date(),
    );
    expect(await fleet.store.rateLimit("dnsimple")).toEqual(spent);
    await fleet.apply();
    await fleet.work();
    for (const until = Date.now() + 200_000; outcomes.length === 0 && Date.now() < until; )
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(outcomes[0]).toMatchObject({ step: "order", outcome: "held" });
    expect(sent).toEqual([]);
    expect((await fleet.store.certificate(outcomes[0]!.key))?.nextStepAt).toEqual(resetAt);
  });

  it("puts a step the provider refused with 429 off as long as it asked, not failing or counting it as an error", async () => {
    world = await startSandboxWorld();
    const { file } = sandboxFleetFile(world.server.url, 1);
    file.certificates = file.certificates.filter((certificate) => certificate.account === "dnsimple");
    // Without the client's own retries, the 429 reaches the fleet as RATE_LIMITED with the wait DNSimple asked for.
    file.accounts.dnsimple!.options = { retry: false };
    const route = "/{account}/domains/{domain}/certificates/{certificate}";
    world.sandbox.faults.add({
      provider: "dnsimple",
      method: "GET",
      route,
      status: 429,
      headers: { "Retry-After": "2" },
      times: 1,
    });
    const looks: { at: number; status: number }[] = [];
    const connector = createAccountConnector(file.accounts, {
      onEvent: (event) => {
        if (event.type === "response" && event.method === "GET" && event.path === route)
          looks.push({ at: Date.now(), status: event.status });
      },
    });
    const outcomes: StepOutcome[] = [];
    const fleet = await fleetFor(file, { connector, onStep: (outcome) => outcomes.push(outcome) });
    await fleet.apply();
    await fleet.work();
    const [row] = await settled(fleet);
    expect(row).toMatchObject({ state: "delivered", lastError: null });
    expect(outcomes.filter((outcome) => outcome.outcome === "retry" || outcome.outcome === "failed")).toEqual([]);
    // The first step that reads the certificate (publish, for its validation) meets the 429.
    expect(outcomes.find((outcome) => outcome.outcome === "held")).toMatchObject({
      message: expect.stringContaining("HTTP 429"),
    });
    const refused = looks.findIndex((look) => look.status === 429);
    expect(refused).toBeGreaterThanOrEqual(0);
    expect(looks[refused + 1]!.at - looks[refused]!.at).toBeGreaterThanOrEqual(2_000);
  });

  it.each([
    // DNSimple's order is a purchase, then an issue request: the issue request meets a 500, so the purchase is left new.
    ["dnsimple", "POST", "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue"],
    // v1's is a purchase, configure and submit: the submit meets a 500, so the certificate is left configured.
    ["dnsimple-v1", "PUT", "/domains/{domain}/certificates/{id}/submit"],
  ] as const)(
    "finishes a %s order created part-way (bought, never sent on) and delivers it, bought once",
    async (provider, method, route) => {
      world = await startSandboxWorld();
      const { file } = sandboxFleetFile(world.server.url, 1);
      file.certificates = file.certificates.filter((certificate) => certificate.account === provider);
      world.sandbox.faults.add({ provider, method, route, status: 500, times: 1 });
      const fleet = await fleetFor(file);
      await fleet.apply();
      await fleet.work();
      const [row] = await settled(fleet);
      // The lost answer was recovered (the purchase adopted, not repeated), then finished and issued.
      expect(row).toMatchObject({ state: "delivered", lastError: null });
      expect((await sandboxPurchases(world.server.url))[provider]).toBe(1);
    },
  );

  // A provider's rate-limit figures, however absurd, neither fail a step that did its work nor park an account for
  // good: the figures are advice.
  it("holds an hour at most for a window a month away, then sends the step to learn new figures", async () => {
    world = await startSandboxWorld();
    const sent: string[] = [];
    // The answer says nothing is left until a reset 30 days away (a monthly quota); later answers say nothing.
    const fetch = rewritingFetch(
      (request) =>
        request.method === "POST" && request.url.endsWith("/issue")
          ? { "X-RateLimit-Remaining": "0", "X-RateLimit-Limit": "400", "X-RateLimit-Reset": "2592000" }
          : undefined,
      sent,
    );
    let offsetMs = 0;
    const outcomes: StepOutcome[] = [];
    const fleet = await fleetFor(dnsimpleFile(fetch), {
      now: () => new Date(Date.now() + offsetMs),
      onStep: (outcome) => outcomes.push(outcome),
    });
    await fleet.apply();
    await fleet.work();
    await poll(
      () => outcomes,
      (seen) => seen.some((outcome) => outcome.outcome === "held"),
    );
    const held = outcomes.find((outcome) => outcome.outcome === "held")!;
    const row = await fleet.store.certificate(held.key);
    expect(row?.nextStepAt?.getTime()).toBeLessThanOrEqual(Date.now() + offsetMs + 3_600_000);
    const sentWhenHeld = sent.length;

    // An hour later by the fleet's clock: the sweep sends the held step, and it goes (no second hold without a request).
    offsetMs = 3_600_000 + 60_000;
    await fleet.sweep();
    const after = await poll(
      () => outcomes,
      (seen) => seen.some((outcome) => outcome.step === held.step && outcome.outcome === "done"),
    );
    expect(after.filter((outcome) => outcome.outcome === "held")).toHaveLength(1);
    expect(sent.length).toBeGreaterThan(sentWhenHeld);
  }, 240_000);

  it("delivers when every answer's figures are absurd: a count past 2^31, a reset in milliseconds", async () => {
    world = await startSandboxWorld();
    const sent: string[] = [];
    const fetch = rewritingFetch(
      () => ({
        "X-RateLimit-Remaining": "3000000000",
        "X-RateLimit-Limit": "0",
        "X-RateLimit-Reset": String(Date.now()),
      }),
      sent,
    );
    const outcomes: StepOutcome[] = [];
    const fleet = await fleetFor(dnsimpleFile(fetch), { onStep: (outcome) => outcomes.push(outcome) });
    await fleet.apply();
    await fleet.work();
    const rows = await settled(fleet);
    expect(rows.map((row) => row.state)).toEqual(["delivered"]);
    expect(outcomes.filter((outcome) => outcome.outcome === "retry")).toEqual([]);
  }, 240_000);
});
