import type { Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterEach, expect, it } from "vitest";
import { openFleet, type Fleet, type FleetFile, type StepOutcome } from "../src/index.ts";
import { sandboxFleetFile, startSandboxWorld } from "./support/sandbox-world.ts";
import { useTestDatabases } from "./support/test-database.ts";

// A provider's rate-limit figures, however absurd, neither fail a step that did its work nor park an account for
// good: the figures are advice.

const QUICK = { waitIntervalMs: 100, maxWaitIntervalMs: 500, retryDelaySeconds: 1, superviseIntervalSeconds: 2 };
const databases = useTestDatabases();
let world: { sandbox: Sandbox; server: SandboxServer };
const open: Fleet[] = [];
afterEach(async () => {
  for (const fleet of open.splice(0)) await fleet.close({ timeoutMs: 5_000 });
  await world.server.close();
});

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
  const fleet = await openFleet({
    file: dnsimpleFile(fetch),
    databaseUrl: await databases.fresh(),
    timing: QUICK,
    now: () => new Date(Date.now() + offsetMs),
    onStep: (outcome) => outcomes.push(outcome),
  });
  open.push(fleet);
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
  const fleet = await openFleet({
    file: dnsimpleFile(fetch),
    databaseUrl: await databases.fresh(),
    timing: QUICK,
    onStep: (outcome) => outcomes.push(outcome),
  });
  open.push(fleet);
  await fleet.apply();
  await fleet.work();
  const rows = await poll(
    () => fleet.status(),
    (seen) => seen.every((row) => row.state === "delivered" || row.state === "failed"),
  );
  expect(rows.map((row) => row.state)).toEqual(["delivered"]);
  expect(outcomes.filter((outcome) => outcome.outcome === "retry")).toEqual([]);
}, 240_000);
