import { describe, expectTypeOf, it } from "vitest";
import {
  createSandbox,
  type DnsimpleSimulator,
  type IonosSimulator,
  type SandboxOptions,
  type SandboxProvider,
  type SandboxSimulators,
  type SANDBOX_SIMULATORS,
} from "../src/index.js";

describe("types derived from the simulator registry", () => {
  it("names providers by their package folder, one key per simulator", () => {
    expectTypeOf<SandboxProvider>().toEqualTypeOf<(typeof SANDBOX_SIMULATORS)[number]["name"]>();
    expectTypeOf<keyof SandboxSimulators>().toEqualTypeOf<SandboxProvider>();
    expectTypeOf<SandboxSimulators["ionos-ssl"]>().toEqualTypeOf<IonosSimulator>();
    expectTypeOf<SandboxSimulators["dnsimple"]>().toEqualTypeOf<DnsimpleSimulator>();
  });

  it("takes each simulator's settings under its provider's name, without its credentials", () => {
    expectTypeOf<SandboxOptions["ionos-ssl"]>().toEqualTypeOf<{ slots?: IonosSimulatorSlots; issuanceDelayMs?: number } | undefined>();
    void createSandbox({ "ionos-ssl": { issuanceDelayMs: 1 }, dnsimple: { rateLimit: { limit: 10 } }, resello: { issuanceDelayMs: 1 } });
    // @ts-expect-error The old key of the IONOS simulator's settings is gone: keys are provider names.
    void createSandbox({ ionos: { issuanceDelayMs: 1 } });
    // @ts-expect-error Credentials go in `credentials`, not in a simulator's settings.
    void createSandbox({ "ionos-ssl": { apiKey: "key" } });
  });
});

type IonosSimulatorSlots = Partial<Record<"SSL_STARTER" | "SSL_STARTER_WILDCARD" | "SSL_BUSINESS" | "SSL_BUSINESS_WILDCARD" | "SSL_PREMIUM", number>>;
