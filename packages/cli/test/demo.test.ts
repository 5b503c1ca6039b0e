import { PROVIDER_NAMES } from "@certkit/certificates";
import { describe, expect, it } from "vitest";
import { freshHome, jsonOf, runCertkit } from "./support/run-certkit.js";

// Every provider of the registry, in its order (sorted by name).
const PROVIDERS = PROVIDER_NAMES;

describe("certkit demo", { timeout: 120_000 }, () => {
  it("runs every provider's lifecycle in the embedded sandbox, exits 0, and leaves the orders for list", async () => {
    const { env } = freshHome();
    const run = await runCertkit(["demo"], { env });
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n")[0]).toMatch(
      /^certkit: no provider is configured, so the embedded sandbox simulates every provider/,
    );
    for (const provider of PROVIDERS) {
      expect(run.stdout).toContain(`▶ ${provider}\n`);
      expect(run.stdout).toContain(`✔ ${provider}: every step worked`);
      // Visible progress while it waits.
      expect(run.stderr).toMatch(new RegExp(`waiting for ${provider}:\\S+: \\w+, look 1`));
    }
    expect(run.stdout).toMatch(/published TXT _dnsauth\.shop\.example\.com in the sandbox's DNS/);
    expect(run.stdout).toMatch(/approved the CA's email to admin@example\.org/);
    expect(run.stdout.match(/the chain verifies up to the sandbox root/g)).toHaveLength(PROVIDERS.length);
    expect(run.stdout).toMatch(/^inventory:\n\s+order\s+status\s+names\s+expires\s+days left$/m);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`certkit demo: all ${PROVIDERS.length} providers worked`);

    const listed = jsonOf(await runCertkit(["list", "--json"], { env }));
    expect(listed.orders).toHaveLength(PROVIDERS.length);
    expect(listed.orders.every((order: { status: string }) => order.status === "issued")).toBe(true);
  });

  it("--json gives each provider's result and the inventory", async () => {
    const { env } = freshHome();
    const run = await runCertkit(["demo", "--json"], { env });
    expect(run.code).toBe(0);
    const { results, orders } = jsonOf(run);
    expect(results.map((result: { provider: string; ok: boolean }) => [result.provider, result.ok])).toEqual(
      PROVIDERS.map((provider) => [provider, true]),
    );
    expect(orders).toHaveLength(PROVIDERS.length);
  });
});
