// A certkit sandbox served on loopback for the CLI under test, quick to issue, with its own DNS, web and mail for
// the tests to act on as a customer would.
import { createSandbox, sandboxIssuingAfter, type Sandbox } from "@certkit/sandbox";
import { startSandboxServer, type SandboxServer } from "@certkit/sandbox/node";

/** Issues a second after validation: quick tests, yet `certkit wait` polls more than once. */
const DELAY_MS = 1_000;

/** Starts a sandbox server; close it with `server.close()`. */
export async function startTestSandbox(): Promise<{ sandbox: Sandbox; server: SandboxServer }> {
  const sandbox = await createSandbox(sandboxIssuingAfter(DELAY_MS));
  return { sandbox, server: await startSandboxServer(sandbox) };
}
