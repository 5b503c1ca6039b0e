export { openFleet, type Fleet, type FleetOptions } from "./fleet.js";
export { parseFleetFile, loadFleetFile, type FleetFileProblem } from "./config/load-fleet-file.js";
export {
  FLEET_KEY_TYPES,
  FLEET_PROVIDERS,
  type DeliverySpec,
  type FleetAccount,
  type FleetFile,
  type FleetKeyType,
  type FleetProvider,
  type PublisherSpec,
} from "./config/fleet-file-schema.js";
export { certificateSpecs, DEFAULT_RENEW_BEFORE_MS, type CertificateSpec } from "./config/certificate-spec.js";
export { DEFAULT_FLEET_TIMING, type FleetTiming } from "./jobs/fleet-timing.js";
export type { StepOutcome } from "./jobs/run-step.js";
export type { CertificateState, Step } from "./store/fleet-store.js";
export type { CertificateStatusView } from "./status/certificate-status.js";
export type { ResyncReport } from "./resync/resync-fleet.js";
export type { ProviderConnector } from "./providers/provider-connector.js";
export { createAccountConnector, type AccountConnectorOptions } from "./providers/account-connector.js";
export type { PublishContext, ValidationPublisher } from "./publishers/validation-publisher.js";
export { sandboxPublisher } from "./publishers/sandbox-publisher.js";
export { commandPublisher } from "./publishers/command-publisher.js";
export type { IssuedCertificate } from "./delivery/issued-certificate.js";
export {
  defaultEmbeddedPostgresDir,
  startEmbeddedPostgres,
  stopEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from "./database/embedded-postgres.js";
export { runFleetCommand } from "./commands/run-fleet-command.js";
export { FLEET_COMMANDS, type FleetCommandName } from "./commands/fleet-commands.js";
export type { CommandValues as FleetCommandValues } from "./commands/command-settings.js";
export type { FleetCommandIo } from "./commands/fleet-command-io.js";
export { FleetUsageError } from "./commands/fleet-usage-error.js";
export type { PurchaseRow } from "./store/fleet-store.js";
export { FLEET_EXIT, type FleetExitCode } from "./commands/fleet-exit-codes.js";
