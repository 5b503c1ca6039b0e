import { perProvider } from "./providers.js";
import type { SandboxSimulatorSettings } from "./sandbox.js";

/**
 * Settings under which every simulator issues `issuanceDelayMs` after validation passed and never runs out of what
 * orders draw on (IONOS's bought slots): for a sandbox that many runs share, as the CLI's embedded one and a fleet's.
 */
export function sandboxIssuingAfter(issuanceDelayMs: number): SandboxSimulatorSettings {
  return perProvider((simulator) => ({ ...simulator.plentiful, issuanceDelayMs }));
}
