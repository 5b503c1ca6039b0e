/** The exit codes of `certkit fleet`, as the CLI's: 0 done, 1 failed, 2 bad usage or input, 130 interrupted. */
export const FLEET_EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** One of {@link FLEET_EXIT}. */
export type FleetExitCode = (typeof FLEET_EXIT)[keyof typeof FLEET_EXIT];
