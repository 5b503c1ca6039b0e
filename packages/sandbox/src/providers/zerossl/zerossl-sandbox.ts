import { defineSimulator, mountedUrl } from "../../define-simulator.js";
import { DEFAULT_ISSUANCE_DELAY_MS } from "../../simulator.js";
import { ZerosslSimulator, type ZerosslSimulatorOptions } from "./zerossl-simulator.js";

const mount = "/zerossl";
const credentials = { accessKey: "sandbox-zerossl-access-key" } as const;

/** The ZeroSSL simulator in the sandbox. */
export const zerosslSandbox = defineSimulator({
  name: "zerossl",
  mount,
  credentials,
  defaults: { issuanceDelayMs: DEFAULT_ISSUANCE_DELAY_MS },
  demoOrder: { commonName: "shop.example.net" },
  create: (world, options: ZerosslSimulatorOptions) => new ZerosslSimulator(world, options),
  adapterOptions: (origin) => ({ ...credentials, baseUrl: mountedUrl(origin, mount) }),
});
