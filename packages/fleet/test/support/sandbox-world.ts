import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import {
  createSandbox,
  SANDBOX_SIMULATORS,
  sandboxIssuingAfter,
  type Sandbox,
  type SandboxClock,
  type SandboxOptions,
} from "@certkit/sandbox";
import { startSandboxServer, type SandboxServer } from "@certkit/sandbox/node";
import { temporaryFolder } from "./temporary-folder.ts";
import { FLEET_PROVIDERS, parseFleetFile, type FleetFile, type FleetProvider } from "../../src/index.ts";

/** Issuance delays short enough for tests, at every simulator. */
export function quickSandboxOptions(delayMs: number): SandboxOptions {
  return sandboxIssuingAfter(delayMs);
}

/**
 * The domain each provider's sandbox account holds: its demo order's, less the first label (DNSimple's names must be
 * in its account's domains; the others take any).
 */
export const PROVIDER_DOMAINS = Object.fromEntries(
  SANDBOX_SIMULATORS.map((simulator) => [simulator.name, simulator.demoOrder.commonName.replace(/^[^.]+\./, "")]),
) as Record<FleetProvider, string>;

/** A sandbox served over HTTP on loopback. */
export async function startSandboxWorld(
  delayMs = 200,
  clock?: SandboxClock,
): Promise<{ sandbox: Sandbox; server: SandboxServer }> {
  const sandbox = await createSandbox({ ...quickSandboxOptions(delayMs), ...(clock === undefined ? {} : { clock }) });
  return { sandbox, server: await startSandboxServer(sandbox) };
}

/** A sandbox served over HTTP on loopback from before the test file's tests until after them; `world()` is it. */
export function useSandboxWorld(delayMs?: number): { world(): { sandbox: Sandbox; server: SandboxServer } } {
  let started: { sandbox: Sandbox; server: SandboxServer } | undefined;
  beforeAll(async () => {
    started = await startSandboxWorld(delayMs);
  });
  afterAll(async () => {
    await started?.server.close();
  });
  return { world: () => started! };
}

/**
 * A fleet file with one sandbox account per provider and `perProvider` certificates at each of `providers`,
 * delivered as files under a fresh folder (returned as `out`). DNSimple v1 validates by email; the others by DNS.
 */
export function sandboxFleetFile(
  url: string,
  perProvider: number,
  prefix = "c",
  providers: readonly FleetProvider[] = FLEET_PROVIDERS,
): { text: string; file: FleetFile; out: string } {
  const out = temporaryFolder("certkit-fleet-out-");
  const lines = ["accounts:"];
  for (const provider of FLEET_PROVIDERS) lines.push(`  ${provider}: { provider: ${provider}, sandbox: "${url}" }`);
  lines.push("defaults:", `  publisher: { type: sandbox, url: "${url}" }`, "  keyType: ec-p256", "certificates:");
  for (const provider of providers) {
    for (let index = 0; index < perProvider; index++) {
      const key = `${prefix}${index}-${provider}`;
      lines.push(
        `  - key: ${key}`,
        `    names: [${key}.${PROVIDER_DOMAINS[provider]}]`,
        `    account: ${provider}`,
        // IONOS signs RSA keys only.
        ...(provider === "ionos-ssl" ? ["    keyType: rsa-2048"] : []),
        ...(provider === "dnsimple-v1" ? ["    validation: email"] : []),
        `    deliver: { files: { dir: "${join(out, key)}" } }`,
      );
    }
  }
  const text = `${lines.join("\n")}\n`;
  return { text, file: parseFleetFile(text), out };
}
