import { setTimeout as sleep } from "node:timers/promises";
import { openStore } from "../database/open-store.js";
import { certificateStatus } from "../status/certificate-status.js";
import { databaseLocation, type CommandValues } from "./command-settings.js";
import { FLEET_EXIT, type FleetExitCode } from "./fleet-exit-codes.js";
import { COMMON_OPTIONS, type FleetCommandIo } from "./fleet-command-io.js";
import { formatStatusTable } from "./status-table.js";
import { terminalJson } from "./terminal-text.js";

const WATCH_INTERVAL_MS = 2_000;

/** Moves the cursor home and clears the screen, so each drawing of the table replaces the last. */
const CLEAR_SCREEN = "\x1b[H\x1b[2J";

/**
 * `certkit fleet status [--watch] [--json]`: what the store says about each certificate (it needs no fleet file).
 * `--watch` looks again every 2 s until Ctrl-C: on a terminal it redraws the table in place (its "in 5m" times move
 * on); otherwise, and with `--json` (one document a line), it prints only when something changed.
 */
export const statusCommand = {
  options: { ...COMMON_OPTIONS, watch: { type: "boolean" }, json: { type: "boolean" } },
  async run(values: CommandValues, io: FleetCommandIo): Promise<FleetExitCode> {
    const watch = values.watch === true;
    const json = values.json === true;
    const redraw = watch && !json && io.stdout.isTTY === true;
    const opened = await openStore(databaseLocation(values, io));
    const { store } = opened;
    try {
      let shown: string | undefined;
      for (;;) {
        const rows = (await store.certificates()).map(certificateStatus);
        const document = terminalJson({ certificates: rows });
        if (redraw) io.stdout.write(`${CLEAR_SCREEN}${formatStatusTable(rows, new Date())}\n`);
        else if (document !== shown)
          io.stdout.write(
            json ? `${document}\n` : `${shown === undefined ? "" : "\n"}${formatStatusTable(rows, new Date())}\n`,
          );
        shown = document;
        if (!watch) return FLEET_EXIT.ok;
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
