import type { Command } from "./command.js";
import { demoCommand } from "./demo-command.js";
import { downloadCommand } from "./download-command.js";
import { fleetCommand } from "./fleet-command.js";
import { listCommand } from "./list-command.js";
import { orderCommand } from "./order-command.js";
import { providersCommand } from "./providers-command.js";
import { cancelCommand, reissueCommand, renewCommand, revokeCommand } from "./replace-commands.js";
import { sandboxCommand } from "./sandbox-command.js";
import { showCommand } from "./show-command.js";
import { validateCommand } from "./validate-command.js";
import { waitCommand } from "./wait-command.js";

/** Every command, in the order `certkit --help` lists them: the demo, then a certificate's life. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  providersCommand,
  listCommand,
  showCommand,
  orderCommand,
  sandboxCommand,
  validateCommand,
  waitCommand,
  downloadCommand,
  renewCommand,
  reissueCommand,
  cancelCommand,
  revokeCommand,
  fleetCommand,
];
