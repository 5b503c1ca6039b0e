import { describe, expect, it } from "vitest";
import { finished, freshHome, hasStackTrace, jsonOf, runCertkit, startCertkit } from "./support/run-certkit.js";

describe("Ctrl-C", { timeout: 180_000 }, () => {
  it("during wait stops cleanly with exit 130, no stack trace, and the embedded sandbox's state saved", async () => {
    const { env } = freshHome();
    // Nothing is published for its validation, so this order never gets further than awaiting_validation.
    const order = jsonOf(
      await runCertkit(["order", "stuck.example.com", "--provider", "ionos-ssl", "--json"], { env }),
    );
    expect(order.status).toBe("awaiting_validation");

    const child = startCertkit(["wait", order.ref, "--interval", "100ms"], { env });
    const run = finished(child);
    await new Promise<void>((resolve) => {
      child.stderr!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("look 2")) resolve();
      });
    });
    child.kill("SIGINT");
    const { code, signal, stdout, stderr } = await run;
    expect(signal).toBeNull();
    expect(code).toBe(130);
    expect(stdout).toBe("");
    expect(stderr).toContain(
      `certkit: stopped waiting for ${order.ref} (interrupted); the order goes on at ionos-ssl: run certkit wait ${order.ref} to wait again`,
    );
    expect(hasStackTrace(stderr)).toBe(false);

    const after = await runCertkit(["show", order.ref, "--json"], { env });
    expect(after.code).toBe(0);
    expect(jsonOf(after)).toMatchObject({ ref: order.ref, status: "awaiting_validation" });
  });
});

describe("Ctrl-C during the demo", { timeout: 180_000 }, () => {
  it("exits 130 saying it was interrupted, in the CLI's words, not the facade's function names", async () => {
    const { env } = freshHome();
    const child = startCertkit(["demo"], { env });
    const run = finished(child);
    await new Promise<void>((resolve) => {
      child.stderr!.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("look 1")) resolve();
      });
    });
    child.kill("SIGINT");
    const { code, stderr } = await run;
    expect(code).toBe(130);
    // Mostly the wait is under way (interrupted); a look that just ended may leave a request going (was aborted).
    expect(stderr).toMatch(/interrupted|was aborted/);
    expect(stderr).not.toMatch(/waitForStatus|findOrders|\w+\(\)/);
    expect(hasStackTrace(stderr)).toBe(false);
  });
});

describe("a reader that goes away", { timeout: 180_000 }, () => {
  it("(certkit list | head -1) ends the output quietly, not with a stack trace", async () => {
    const { env } = freshHome();
    const child = startCertkit(["list"], { env });
    child.stdout!.once("data", () => child.stdout!.destroy());
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    expect(hasStackTrace(stderr)).toBe(false);
    expect(stderr).not.toContain("EPIPE");
  });
});
