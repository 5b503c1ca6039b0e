import { PROVIDER_NAMES } from "../src/provider-names.js";
import { SANDBOX_PROVIDERS, SANDBOX_SIMULATORS } from "@certkit/sandbox";
import { describe, expect, it } from "vitest";
import { DEMO_ORDERS } from "../src/demo/demo-orders.js";
import { sandboxProviderSettings } from "../src/sandbox/sandbox-provider-settings.js";

describe("the CLI's sandbox side", () => {
  it("has a simulator for every provider the CLI drives, and no other", () => {
    expect([...SANDBOX_PROVIDERS].sort()).toEqual([...PROVIDER_NAMES].sort());
  });

  it("reaches each simulator with its descriptor's adapter options, and orders its demo name", () => {
    const settings = sandboxProviderSettings("http://127.0.0.1:4010/");
    for (const simulator of SANDBOX_SIMULATORS) {
      expect(settings[simulator.name]).toEqual(simulator.adapterOptions("http://127.0.0.1:4010"));
      expect(settings[simulator.name]?.baseUrl).toBe(`http://127.0.0.1:4010${simulator.mount}`);
      expect(settings[simulator.name]).toMatchObject(simulator.credentials);
      expect(DEMO_ORDERS[simulator.name]).toEqual(simulator.demoOrder);
    }
  });
});
