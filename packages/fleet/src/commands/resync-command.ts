import { openFleet } from "../fleet.js";
import { databaseLocation, readFleetFile, type CommandValues } from "./command-settings.js";
import { FLEET_EXIT, type FleetExitCode } from "./fleet-exit-codes.js";
import { COMMON_OPTIONS, type FleetCommandIo } from "./fleet-command-io.js";
import { terminalJson, terminalText } from "./terminal-text.js";

/** `certkit fleet resync`: rebuilds the store from each account's orders and sends the steps that follow. */
export const resyncCommand = {
  options: { ...COMMON_OPTIONS, json: { type: "boolean" } },
  async run(values: CommandValues, io: FleetCommandIo): Promise<FleetExitCode> {
    const file = await readFleetFile(values, io);
    const fleet = await openFleet({ file, ...databaseLocation(values, io) });
    try {
      await fleet.apply();
      const report = await fleet.resync();
      if (values.json === true) {
        io.stdout.write(`${terminalJson(report)}\n`);
      } else {
        io.stdout.write(
          `resync: ${report.certificates} certificates; ${report.updated} updated, ${report.adopted} orders adopted, ${report.reordered} to order again; ${report.unmanaged.length} orders belong to no certificate\n`,
        );
        for (const failure of report.failures)
          io.stderr.write(
            `certkit fleet: could not list account ${failure.account}: ${terminalText(failure.message)}\n`,
          );
      }
      return report.failures.length === 0 ? FLEET_EXIT.ok : FLEET_EXIT.failed;
    } finally {
      await fleet.close();
    }
  },
} as const;
