import { generateCsr, type GeneratedCsr } from "@certkit/sandbox";
import type { FleetKeyType } from "../config/fleet-file-schema.js";

/** A fresh key of `keyType` and a CSR naming `names` (the first is the common name), both PEM. */
export function makeCsr(names: readonly string[], keyType: FleetKeyType): Promise<GeneratedCsr> {
  const [commonName, ...altNames] = names;
  return generateCsr({ commonName: commonName!, altNames, keyType });
}
