import type { Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshHome, hasStackTrace, jsonOf, runCertkit } from "./support/run-certkit.js";
import { startTestSandbox } from "./support/sandbox-server.js";

describe("certkit when the provider fails", { timeout: 180_000 }, () => {
  let sandbox: Sandbox;
  let server: SandboxServer;
  let env: NodeJS.ProcessEnv;
  let apiKey: string;

  beforeAll(async () => {
    ({ sandbox, server } = await startTestSandbox());
    ({ apiKey } = server.clientOptions("ionos-ssl"));
    env = { ...freshHome().env, CERTKIT_IONOS_API_KEY: apiKey, CERTKIT_IONOS_BASE_URL: server.baseUrl("ionos-ssl") };
  });
  afterAll(() => server.close());

  it("a 500 on an order is exit 1, one line saying the order may exist, and the details with --verbose", async () => {
    sandbox.faults.add({ provider: "ionos-ssl", method: "POST", status: 500, times: 1 });
    const run = await runCertkit(["order", "shop.example.com", "--verbose"], { env });
    expect(run.code).toBe(1);
    const failure = run.stderr.split("\n").find((line) => line.startsWith("certkit: "));
    expect(failure).toMatch(/HTTP 500.*check before sending it again/);
    // In the shell's words: a command to run, not a function to call.
    expect(failure).toMatch(/Do not order again: certkit list --provider ionos-ssl shows it once ionos-ssl lists it$/);
    expect(failure).not.toMatch(/findOrders|\w\(/);
    expect(run.stderr).toContain("  code: PROVIDER");
    expect(run.stderr).toContain("  HTTP status: 500");
    expect(run.stderr).toContain("  the request may have taken effect: check before sending it again");
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(`${run.stdout}${run.stderr}`).not.toContain(apiKey);
  });

  it("an order bought and left part-way names its ref, in the message and in --json, and how to look at it", async () => {
    const { token } = server.clientOptions("dnsimple");
    const dnsimple = {
      ...freshHome().env,
      CERTKIT_DNSIMPLE_TOKEN: token,
      CERTKIT_DNSIMPLE_BASE_URL: server.baseUrl("dnsimple"),
    };
    sandbox.faults.add({
      provider: "dnsimple",
      method: "POST",
      route: "/{account}/domains/{domain}/certificates/letsencrypt/{purchaseId}/issue",
      status: 500,
      times: 1,
    });
    const run = await runCertkit(["order", "www.example.com", "--json"], { env: dnsimple });
    expect(run.code).toBe(1);
    const { error } = jsonOf(run);
    expect(error.order.ref).toMatch(/^dnsimple:1010\/example\.com\/\d+$/);
    expect(error.order.failedStep).toBe("issue");
    expect(error.message.startsWith(`${error.order.ref} was bought, but its issue step failed (`)).toBe(true);
    expect(error.message).toContain("HTTP 500");
    expect(error.message.endsWith(`). Do not order again: certkit show ${error.order.ref} shows it as it stands`)).toBe(
      true,
    );
    expect(error.message).not.toMatch(/finishOrder|get\(/);
    const shown = await runCertkit(["show", error.order.ref, "--json"], { env: dnsimple });
    expect(jsonOf(shown)).toMatchObject({ ref: error.order.ref, providerStatus: "new" });
  });

  it("refused credentials are exit 1 with a hint, and the key is never printed", async () => {
    const wrongKey = "wrong.ionos-key-that-must-not-leak";
    const run = await runCertkit(["list", "--verbose", "--json"], { env: { ...env, CERTKIT_IONOS_API_KEY: wrongKey } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^certkit: ionos-ssl: .*401/m);
    expect(jsonOf(run).failures).toEqual([expect.objectContaining({ provider: "ionos-ssl", code: "AUTH" })]);
    expect(`${run.stdout}${run.stderr}`).not.toContain(wrongKey);
  });

  it("an unknown order is exit 1 (NOT_FOUND), as one line and as a JSON error", async () => {
    const run = await runCertkit(["show", "ionos-ssl:00000000-0000-4000-8000-000000000000", "--json"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(jsonOf(run).error).toMatchObject({ code: "NOT_FOUND", provider: "ionos-ssl", status: 404 });
  });

  it("a provider that cannot be reached is exit 1 (NETWORK), after the client's retries", async () => {
    const unreachable = { ...env, CERTKIT_IONOS_BASE_URL: "https://api.certkit.example.test/ionos-ssl" };
    const run = await runCertkit(["show", "ionos-ssl:x", "--json"], { env: unreachable });
    expect(run.code).toBe(1);
    expect(jsonOf(run).error).toMatchObject({ code: "NETWORK", provider: "ionos-ssl" });
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("a malformed answer is exit 1 (PROVIDER), not a crash", async () => {
    sandbox.faults.add({ provider: "ionos-ssl", method: "GET", malformed: true, times: 3 });
    const run = await runCertkit(["list"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^certkit: ionos-ssl: /m);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
