import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createSandbox,
  DEFAULT_ISSUANCE_DELAY_MS,
  SANDBOX_CREDENTIALS,
  SANDBOX_MOUNTS,
  SANDBOX_PROVIDERS,
  SANDBOX_SIMULATORS,
  sandboxAdapterOptions,
  sandboxBaseUrl,
  sandboxIssuingAfter,
  SandboxClock,
} from "../src/index.js";

const ORIGIN = "http://127.0.0.1:4010";
// The files every provider's folder has, each with the same role (see CONTRIBUTING.md), besides index.ts (its public
// exports, which the sandbox's entry re-exports).
const TEMPLATE = ["simulator", "state", "state-schema", "views", "requests", "sandbox"];

describe("the simulator registry", () => {
  it("lists one simulator per provider folder, sorted by name, each folder holding the template's files", () => {
    const folders = readdirSync(new URL("../src/providers/", import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(SANDBOX_SIMULATORS.map((simulator) => simulator.name)).toEqual(folders);
    for (const name of folders) {
      const files = readdirSync(new URL(`../src/providers/${name}/`, import.meta.url));
      expect(files, name).toEqual(
        expect.arrayContaining(["index.ts", ...TEMPLATE.map((role) => `${name}-${role}.ts`)]),
      );
      expect(
        files.filter((file) => file !== "index.ts" && !file.startsWith(`${name}-`)),
        `${name}: files named after another provider`,
      ).toEqual([]);
    }
  });

  it("derives the providers, mounts and credentials from the descriptors", () => {
    expect(SANDBOX_PROVIDERS).toEqual(SANDBOX_SIMULATORS.map((simulator) => simulator.name));
    expect(new Set(Object.values(SANDBOX_MOUNTS)).size).toBe(SANDBOX_SIMULATORS.length);
    for (const simulator of SANDBOX_SIMULATORS) {
      expect(SANDBOX_MOUNTS[simulator.name]).toBe(simulator.mount);
      expect(SANDBOX_CREDENTIALS[simulator.name]).toEqual(simulator.credentials);
      expect(simulator.defaults.issuanceDelayMs).toBe(DEFAULT_ISSUANCE_DELAY_MS);
    }
    expect(new Set(SANDBOX_SIMULATORS.map((simulator) => simulator.demoOrder.commonName)).size).toBe(
      SANDBOX_SIMULATORS.length,
    );
  });

  it.each(SANDBOX_PROVIDERS)(
    "%s: counts the orders it holds, through seed, snapshot, restore and reset",
    async (name) => {
      const clock = () => new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") });
      const seeded = await createSandbox({ clock: clock(), seed: true });
      const held = seeded.simulators[name].orderCount();
      expect(held).toBeGreaterThan(0);
      const restored = await createSandbox({ clock: clock() });
      expect(restored.simulators[name].orderCount()).toBe(0);
      await restored.restore(JSON.parse(JSON.stringify(await seeded.snapshot())));
      expect(restored.simulators[name].orderCount()).toBe(held);
      restored.simulators[name].reset();
      expect(restored.simulators[name].orderCount()).toBe(0);
    },
  );

  it.each(SANDBOX_SIMULATORS.map((simulator) => [simulator.name, simulator] as const))(
    "%s: the sandbox makes its simulator under its name, with its credentials and its adapter's options",
    async (name, simulator) => {
      const sandbox = await createSandbox({ clock: new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") }) });
      expect(sandbox.simulators[name].provider).toBe(name);
      expect(sandbox.credentials[name]).toEqual(simulator.credentials);
      expect(sandbox.clientOptions(ORIGIN, name)).toEqual({
        ...simulator.credentials,
        baseUrl: sandboxBaseUrl(ORIGIN, name),
      });
      const adapter = sandboxAdapterOptions(`${ORIGIN}/`, name);
      expect(adapter).toEqual(simulator.adapterOptions(ORIGIN));
      expect(adapter).toMatchObject({ ...simulator.credentials, baseUrl: `${ORIGIN}${simulator.mount}` });
      expect(sandbox.adapterOptions(ORIGIN, name)).toEqual(adapter);
      expect(Object.keys((await sandbox.snapshot()).providers)).toContain(name);
    },
  );

  it("gives a sandbox's own credentials in its adapter options, not the defaults", async () => {
    for (const simulator of SANDBOX_SIMULATORS) {
      const mine = Object.fromEntries(Object.keys(simulator.credentials).map((key) => [key, `mine-${key}`]));
      const sandbox = await createSandbox({ credentials: { [simulator.name]: mine } });
      expect(sandbox.adapterOptions(ORIGIN, simulator.name), simulator.name).toMatchObject(mine);
    }
  });

  it("sandboxIssuingAfter sets every simulator's issuance delay, and what never runs out where something can", () => {
    const settings = sandboxIssuingAfter(1_500);
    for (const simulator of SANDBOX_SIMULATORS) {
      expect(settings[simulator.name], simulator.name).toEqual({ ...simulator.plentiful, issuanceDelayMs: 1_500 });
    }
  });
});
