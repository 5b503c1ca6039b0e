import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createSandbox, type Sandbox, type SandboxOptions, type SandboxSnapshot } from "@certkit/sandbox";
import { startSandboxServer, type SandboxServer } from "@certkit/sandbox/node";
import { CertkitError } from "@certkit/runtime";

/** How long the embedded sandbox takes to issue once validation is done: long enough to watch `certkit wait` work. */
const ISSUANCE_DELAY_MS = 2_000;

/** Sandbox options under which every simulated provider issues `delayMs` after the validation is done. */
export function sandboxIssuingAfter(delayMs: number): SandboxOptions {
  return {
    ionos: { issuanceDelayMs: delayMs },
    dnsimple: { issuanceDelayMs: delayMs },
    dnsimpleV1: { issuanceDelayMs: delayMs },
    resello: { provisioningDelayMs: delayMs },
    sslmarket: { issuanceDelayMs: delayMs },
  };
}

/** A sandbox running inside the CLI process, served on loopback, whose state outlives the process in a file. */
export interface EmbeddedSandbox {
  readonly sandbox: Sandbox;
  readonly server: SandboxServer;
  /** Writes the state file (mode 0600: it holds the sandbox CA's key) and stops the server. */
  close(): Promise<void>;
}

async function readState(stateFile: string): Promise<SandboxSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(stateFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw stateFileError(stateFile, "cannot be read");
  }
  try {
    return JSON.parse(text) as SandboxSnapshot;
  } catch {
    throw stateFileError(stateFile, "is not JSON");
  }
}

function stateFileError(stateFile: string, problem: string): CertkitError {
  return new CertkitError({ code: "PROVIDER", provider: "sandbox", message: `the embedded sandbox's state file ${stateFile} ${problem}: delete it to start afresh` });
}

/**
 * Starts the embedded sandbox: restored from `stateFile` if it exists, otherwise (or with `fresh`) new, with demo
 * orders unless `fresh`.
 */
export async function startEmbeddedSandbox(options: { stateFile: string; fresh?: boolean }): Promise<EmbeddedSandbox> {
  const { stateFile } = options;
  const sandbox = await createSandbox(sandboxIssuingAfter(ISSUANCE_DELAY_MS));
  const state = options.fresh ? undefined : await readState(stateFile);
  if (state !== undefined) {
    await sandbox.restore(state).catch(() => {
      throw stateFileError(stateFile, "is not a sandbox snapshot");
    });
  } else if (!options.fresh) {
    await sandbox.seed();
  }
  const server = await startSandboxServer(sandbox);
  return {
    sandbox,
    server,
    close: async () => {
      await server.close();
      await mkdir(dirname(stateFile), { recursive: true, mode: 0o700 });
      const temporary = `${stateFile}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(await sandbox.snapshot()), { mode: 0o600 });
      await chmod(temporary, 0o600);
      await rename(temporary, stateFile);
    },
  };
}
