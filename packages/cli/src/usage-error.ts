/**
 * The command line or the configuration is wrong: `certkit` prints the message (and where to get help) and exits 2.
 * Nothing was sent to any provider.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";

  /** @param hint - what to run for help, e.g. `certkit order --help`, where the command line itself is wrong */
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
