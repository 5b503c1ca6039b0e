#!/usr/bin/env node
// The `certkit` command. Ctrl-C aborts the running command's requests and waits (it then reports and exits 130
// after saving the embedded sandbox's state); a second Ctrl-C exits at once.
import { EXIT } from "./exit-codes.js";
import { runCli } from "./run-cli.js";

// A reader that goes away (`certkit list | head`) ends our output, not the command: the state is still saved.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

const interrupt = new AbortController();
process.on("SIGINT", () => {
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  interrupt.abort(new Error("interrupted"));
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
process.exitCode = code;
