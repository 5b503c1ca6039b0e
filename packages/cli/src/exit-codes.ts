/**
 * What `certkit` exits with, for scripts:
 * - `0`: the command did what was asked;
 * - `1`: the operation failed (the provider refused or failed, the network, a timeout, an order that ended badly);
 * - `2`: bad usage or input (unknown command or option, a missing argument or configuration, input the facade
 *   rejects before sending anything, an operation the provider does not offer);
 * - `130`: interrupted (Ctrl-C), the shell's convention for SIGINT.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
