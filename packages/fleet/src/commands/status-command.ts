import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "../database/open-store.js";
import { certificateStatus } from "../status/certificate-status.js";
import { databaseLocation, type CommandValues } from "./command-settings.js";
import { FLEET_EXIT, type FleetExitCode } from "./fleet-exit-codes.js";
import { COMMON_OPTIONS, type FleetCommandIo } from "./fleet-command-io.js";
import { formatStatusTable } from "./status-table.js";

const WATCH_INTERVAL_MS = 2_000;

/** `certkit fleet status [--watch] [--json]`: what the store says about each certificate (it needs no fleet file). */
export const statusCommand = {
  options: { ...COMMON_OPTIONS, watch: { type: "boolean" }, json: { type: "boolean" } },
  async run(values: CommandValues, io: FleetCommandIo): Promise<FleetExitCode> {
    const opened = await openStore(databaseLocation(values, io));
    const { store } = opened;
    try {
      for (;;) {
        const rows = (await store.certificates()).map(certificateStatus);
        if (values.json === true) io.stdout.write(`${JSON.stringify({ certificates: rows })}\n`);
        else io.stdout.write(`${values.watch === true ? "\x1b[2J\x1b[H" : ""}${formatStatusTable(rows, new Date())}\n`);
        if (values.watch !== true) return FLEET_EXIT.ok;
        try {
          await sleep(WATCH_INTERVAL_MS, undefined, { signal: io.signal });
        } catch {
          return FLEET_EXIT.ok;
        }
      }
    } finally {
      await opened.close();
    }
  },
} as const;
