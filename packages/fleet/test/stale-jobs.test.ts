import pg from "pg";
import { PgBoss } from "pg-boss";
import type { Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterEach, expect, it } from "vitest";
import { openFleet, type Fleet } from "../src/index.ts";
import { sendStep, type StepJob } from "../src/jobs/fleet-queues.ts";
import { sandboxFleetFile, startSandboxWorld } from "./support/sandbox-world.ts";
import { useTestDatabases } from "./support/test-database.ts";

// Under chaos (a worker SIGKILLed every few seconds), a step's job can run twice: pg-boss gives a job whose worker
// stopped sending heartbeats to another, and a retried job may be a stale copy of a step the certificate has left.
// A copy must never move the certificate back, and a skipped copy must not leave the certificate without a next job.

const databases = useTestDatabases();
// No sweep during a test: what it would repair late must be repaired at once.
const TIMING = {
  waitIntervalMs: 100,
  maxWaitIntervalMs: 500,
  retryDelaySeconds: 1,
  superviseIntervalSeconds: 2,
  sweepCron: "0 0 1 1 *",
};

let world: { sandbox: Sandbox; server: SandboxServer } | undefined;
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await world?.server.close();
  world = undefined;
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const limit = Date.now() + 200_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > limit) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A delivered Resello certificate, its fleet, and a way to see and send its jobs as pg-boss holds them. */
async function deliveredCertificate() {
  world = await startSandboxWorld();
  const { file } = sandboxFleetFile(world.server.url, 1, "stale", ["resello"]);
  const databaseUrl = await databases.fresh();
  const fleet: Fleet = await openFleet({ file, databaseUrl, timing: TIMING });
  closing.push(() => fleet.close({ timeoutMs: 5_000 }));
  await fleet.apply();
  await fleet.work();
  const [row] = await until(
    () => fleet.status(),
    (rows) => rows[0]?.state === "delivered",
  );
  expect(row).toMatchObject({ state: "delivered", nextStep: "renew", generation: 1 });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  closing.push(() => db.end());
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "certkit_fleet_jobs",
    supervise: false,
    schedule: false,
  });
  await boss.start();
  closing.push(() => boss.stop({ graceful: false }));
  const key = row!.key;
  const spec = (await fleet.store.certificate(key))!.spec;
  return {
    fleet,
    key,
    /** Each job of the certificate's generation 1: its step, state, when it may start and (a wait's) looks so far. */
    jobs: async () =>
      (
        await db.query<{ step: string; state: string; startAfter: Date; waits: number | null }>(
          `SELECT data->>'step' AS step, state::text AS state, start_after AS "startAfter", (data->>'waits')::int AS waits FROM certkit_fleet_jobs.job WHERE singleton_key = $1 ORDER BY created_on`,
          [`${key}/1`],
        )
      ).rows,
    /** Sends a stale copy of `step` for generation 1, as a retry or a second worker would run it. */
    sendStale: (step: StepJob["step"]) => sendStep(boss, { key, generation: 1, step }, spec, undefined),
  };
}

it("does not let a stale copy of a step move the certificate back or fail it", async () => {
  const { fleet, key } = await deliveredCertificate();
  // A copy of `wait` that read the certificate before it moved on, now done or refused.
  expect(await fleet.store.advance(key, 1, { state: "downloading", nextStep: "download", from: "wait" })).toBe(false);
  await fleet.store.recordError(key, 1, "wait: the order ended", { failed: true, at: "wait" });
  expect(await fleet.store.certificate(key)).toMatchObject({ state: "delivered", nextStep: "renew", lastError: null });
  // The step it is at moves it on.
  expect(await fleet.store.advance(key, 1, { state: "delivered", nextStep: "renew", from: "renew" })).toBe(true);
});

it("sends the certificate's next step again when a stale copy is skipped and no job of that step is left", async () => {
  const { fleet, key, jobs, sendStale } = await deliveredCertificate();
  // The certificate is to be delivered again, but that job was lost (a killed worker's, failed by pg-boss).
  expect(await fleet.store.advance(key, 1, { state: "delivered", nextStep: "deliver", from: "renew" })).toBe(true);
  await sendStale("download");
  const settled = (rows: Awaited<ReturnType<typeof jobs>>) =>
    rows.filter((job) => job.step === "deliver" && job.state === "completed").length === 2 &&
    rows.every((job) => job.step !== "download" || job.state === "completed");
  const after = await until(jobs, settled);
  expect(after.filter((job) => job.step === "download").map((job) => job.state)).toEqual(["completed", "completed"]);
  expect(after.filter((job) => job.step === "deliver").map((job) => job.state)).toEqual(["completed", "completed"]);
  expect(
    await until(
      () => fleet.store.certificate(key),
      (row) => row?.nextStep === "renew",
    ),
  ).toMatchObject({ state: "delivered", nextStep: "renew", lastError: null });
});

it("sends nothing again when the next step still has its job: the renewal check keeps its time", async () => {
  const { jobs, sendStale } = await deliveredCertificate();
  const renewal = (await jobs()).filter((job) => job.step === "renew" && job.state === "created");
  expect(renewal).toHaveLength(1);
  await sendStale("download");
  const after = await until(
    jobs,
    (rows) =>
      rows.filter((job) => job.step === "download").length === 2 &&
      rows.every((job) => job.step !== "download" || job.state === "completed"),
  );
  expect(after.filter((job) => job.step === "download").map((job) => job.state)).toEqual(["completed", "completed"]);
  expect(after.filter((job) => job.step === "renew")).toEqual(renewal);
});

it("sends a lost wait again with the looks it had counted, not from the first", async () => {
  const { fleet, key, jobs } = await deliveredCertificate();
  // The certificate waits for its order after 7 looks, and the job of the 8th was lost: the sweep finds it overdue.
  const due = new Date(Date.now() - 3_600_000);
  expect(await fleet.store.advance(key, 1, { state: "issuing", nextStep: "wait", from: "renew" })).toBe(true);
  const waiting = { state: "issuing", nextStep: "wait", nextStepAt: due, nextStepWaits: 7, from: "wait" } as const;
  expect(await fleet.store.advance(key, 1, waiting)).toBe(true);
  expect(await fleet.store.certificate(key)).toMatchObject({ nextStep: "wait", nextStepWaits: 7 });
  // The waits of the order's own issuance: one, or more when the machine was slower than the sandbox's issuance.
  const waitsBefore = (await jobs()).filter((job) => job.step === "wait").length;
  expect(await fleet.sweep()).toBe(1);
  // The one wait the sweep sends goes on at 7 looks, not from the first.
  const after = await until(jobs, (rows) => rows.filter((job) => job.step === "wait").length > waitsBefore);
  const sent = after.filter((job) => job.step === "wait").slice(waitsBefore);
  expect(sent.map((job) => job.waits ?? 0)).toEqual([7]);
  // The look finds the order issued and moves on, and a step that is not a wait counts nothing.
  const row = await until(
    () => fleet.store.certificate(key),
    (current) => current?.nextStep === "renew",
  );
  expect(row).toMatchObject({ state: "delivered", nextStepWaits: 0 });
});
