import { createSandbox, sandboxIssuingAfter, type Sandbox } from "@certkit/sandbox";
import { startSandboxServer, type SandboxServer } from "@certkit/sandbox/node";
import { SharedState } from "./shared-state.js";
import { withStateLock } from "./state-lock.js";

/** How long the embedded sandbox takes to issue once validation is done: long enough to watch `certkit wait` work. */
const ISSUANCE_DELAY_MS = 2_000;

/**
 * A sandbox running inside the CLI process, served on loopback, whose state lives in a file that every `certkit`
 * run shares: each request is served under the file's lock, on the state the last run saved, and what it changed
 * is saved before the lock is let go. So runs at the same moment each see the others' orders, and none is lost.
 */
export interface EmbeddedSandbox {
  readonly sandbox: Sandbox;
  readonly server: SandboxServer;
  /** The `fetch` for every request to {@link server}: it keeps the state file in step, as said above. */
  readonly fetch: typeof fetch;
  /** Stops the server. The state is saved already. */
  close(): Promise<void>;
}

/** Options of {@link startEmbeddedSandbox}. */
export interface EmbeddedSandboxOptions {
  stateFile: string;
  /** Start empty, replacing whatever the file holds (the demo does), instead of from the file, or seeded. */
  fresh?: boolean;
  /** Called once when a run waits for another to finish with the state file for more than a second. */
  onWait?: () => void;
}

/** Starts the embedded sandbox: from its state file when there is one; else (or with `fresh`) new, seeded unless `fresh`. */
export async function startEmbeddedSandbox(options: EmbeddedSandboxOptions): Promise<EmbeddedSandbox> {
  const { stateFile, onWait } = options;
  const sandbox = await createSandbox(sandboxIssuingAfter(ISSUANCE_DELAY_MS));
  const state = new SharedState(stateFile, sandbox);
  await withStateLock(
    stateFile,
    async () => {
      if (options.fresh) return state.push({ force: true });
      if (await state.pull()) return;
      await sandbox.seed();
      await state.push();
    },
    { onWait },
  );
  const server = await startSandboxServer(sandbox);
  const lockedFetch: typeof fetch = async (input, init) => {
    // The request runs to its end even when the caller gives up on it, so what it changed is saved; the caller
    // hears of its abort afterwards. The sandbox answers in milliseconds.
    const request = new Request(input, init);
    const detached = new Request(request, { signal: null });
    const response = await withStateLock(
      stateFile,
      async () => {
        await state.pull();
        const answer = await fetch(detached);
        // Read whole here, so the request is over when the state is saved (204 and the like have no body at all).
        const body = answer.body === null ? null : await answer.arrayBuffer();
        await state.push();
        return new Response(body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
      },
      { signal: request.signal, onWait },
    );
    request.signal.throwIfAborted();
    return response;
  };
  return { sandbox, server, fetch: lockedFetch, close: () => server.close() };
}
