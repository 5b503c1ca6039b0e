/** A command line that cannot be run as given (exit 2). */
export class FleetUsageError extends Error {
  override readonly name = "FleetUsageError";
}
