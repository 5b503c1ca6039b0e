import { resolve } from "node:path";
import { loadFleetFile } from "../config/load-fleet-file.js";
import type { FleetFile } from "../config/fleet-file-schema.js";
import type { DatabaseLocation } from "../database/open-store.js";
import type { FleetCommandIo } from "./fleet-command-io.js";

/** The option values every fleet command reads. */
export type CommandValues = Record<string, string | boolean | undefined>;

/** The fleet file a command uses: `--file`, else `$CERTKIT_FLEET_FILE`, else `fleet.yaml` in the working folder. */
export function fleetFilePath(values: CommandValues, io: FleetCommandIo): string {
  const given = (values.file as string | undefined) ?? io.env.CERTKIT_FLEET_FILE ?? "fleet.yaml";
  return resolve(io.cwd, given);
}

/** Reads and checks the fleet file (see {@link fleetFilePath}). */
export function readFleetFile(values: CommandValues, io: FleetCommandIo): Promise<FleetFile> {
  return loadFleetFile(fleetFilePath(values, io));
}

/** Where the database is: `--database-url`, else `$DATABASE_URL`, else the embedded server in `--data-dir` (or `$CERTKIT_FLEET_DATA_DIR`). */
export function databaseLocation(values: CommandValues, io: FleetCommandIo): DatabaseLocation {
  const databaseUrl = (values["database-url"] as string | undefined) ?? io.env.DATABASE_URL;
  const dataDir = (values["data-dir"] as string | undefined) ?? io.env.CERTKIT_FLEET_DATA_DIR;
  return {
    ...(databaseUrl === undefined || databaseUrl === "" ? {} : { databaseUrl }),
    ...(dataDir === undefined || dataDir === "" ? {} : { embeddedDir: resolve(io.cwd, dataDir) }),
  };
}
