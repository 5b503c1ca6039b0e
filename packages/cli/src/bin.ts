#!/usr/bin/env node
// The `certkit` command. Ctrl-C (or SIGTERM, as a service manager stops `certkit fleet run`) aborts the running
// command's requests and waits (it then reports and exits 130 after saving the embedded sandbox's state; `fleet run`
// drains and exits 0); a second one exits at once.
import { EXIT } from "./exit-codes.js";
import { runCli } from "./run-cli.js";

// A reader that goes away (`certkit list | head`) ends our output, not the command: the state is still saved.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

const interrupt = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
    interrupt.abort(new Error("interrupted"));
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
process.exitCode = code;
