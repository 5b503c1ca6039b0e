import { stat } from "node:fs/promises";
import type { Sandbox, SandboxSnapshot } from "@certkit/sandbox";
import { readSandboxStateFile, SandboxStateFileError, writeSandboxStateFile } from "@certkit/sandbox/node";
import { CertkitError } from "@certkit/runtime";

/** What tells one version of the file from another: each save renames a new file in, so its inode changes. */
async function versionOf(file: string): Promise<string | undefined> {
  try {
    const { dev, ino, size, mtimeNs, ctimeNs } = await stat(file, { bigint: true });
    return `${dev}:${ino}:${size}:${mtimeNs}:${ctimeNs}`;
  } catch {
    return undefined;
  }
}

/** A snapshot without its time of taking, which changes on every call: what tells whether the state changed. */
function contentOf(snapshot: SandboxSnapshot): string {
  return JSON.stringify({ ...snapshot, now: undefined });
}

function stateFileError(file: string, problem: string, cause: unknown): CertkitError {
  return new CertkitError({
    code: "PROVIDER",
    provider: "sandbox",
    message: `the embedded sandbox's state file ${file} ${problem}: delete it to start afresh`,
    cause,
  });
}

/**
 * Keeps a sandbox in step with its state file, for runs of `certkit` that share it. Call both under the file's lock
 * (see `withStateLock`): {@link pull} before acting on the sandbox, so it acts on what the last run saved, and
 * {@link push} after, so what it changed is saved before anyone else acts.
 */
export class SharedState {
  #version: string | undefined;
  #content: string | undefined;

  constructor(
    private readonly file: string,
    private readonly sandbox: Sandbox,
  ) {}

  /**
   * Restores the sandbox from the file when another run saved it since this one last read or wrote it.
   * @returns whether the file holds a state (`false`: none was saved yet, or it was deleted).
   * @throws CertkitError `PROVIDER` when the file cannot be read or is no sandbox state.
   */
  async pull(): Promise<boolean> {
    const version = await versionOf(this.file);
    if (version === undefined) return false;
    if (version === this.#version) return true;
    let snapshot: SandboxSnapshot | undefined;
    try {
      snapshot = await readSandboxStateFile(this.file);
    } catch (error) {
      if (error instanceof SandboxStateFileError)
        throw stateFileError(
          this.file,
          error.problem === "corrupt" ? "is damaged (not a sandbox state)" : "cannot be read",
          error,
        );
      throw error;
    }
    if (snapshot === undefined) return false;
    await this.sandbox.restore(snapshot).catch((error: unknown) => {
      throw stateFileError(this.file, "is not a sandbox state", error);
    });
    this.#version = version;
    this.#content = contentOf(snapshot);
    return true;
  }

  /** Saves the sandbox's state (atomically, mode 0600: it holds the sandbox CA's key) when it changed, or always with `force`. */
  async push(options: { force?: boolean } = {}): Promise<void> {
    const snapshot = await this.sandbox.snapshot();
    const content = contentOf(snapshot);
    if (!options.force && content === this.#content) return;
    await writeSandboxStateFile(this.file, snapshot);
    this.#version = await versionOf(this.file);
    this.#content = content;
  }
}
