/** What a fleet command reads and writes: the process's, or a test's. */
export interface FleetCommandIo {
  stdout: { write(text: string): unknown };
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
