/** What a fleet command reads and writes: the process's, or a test's. */
export interface FleetCommandIo {
  /** Where results go; `isTTY` (a terminal) makes `status --watch` redraw in place. */
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on Ctrl-C: `run` drains (running steps finish, no new ones start), `status --watch` stops. */
  signal: AbortSignal;
}

/** The options every fleet command takes. */
export const COMMON_OPTIONS = {
  file: { type: "string", short: "f" },
  "database-url": { type: "string" },
  "data-dir": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
