import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { waitUntilUp } from "../lib/local-registry.mjs";

/** A child process standing in for the registry: it runs `code` in Node. */
const fakeRegistry = (code: string) => spawn(process.execPath, ["-e", code], { stdio: "ignore" });

describe("waiting for the local registry", () => {
  it("waits for as long as it takes to answer its ping, not a fixed few seconds", async () => {
    const child = fakeRegistry("setTimeout(() => {}, 60_000)");
    const server = createServer((request, response) =>
      response.writeHead(request.url === "/-/ping" ? 200 : 404).end("{}"),
    );
    let up = false;
    // Not listening at first: the first pings fail, as while Verdaccio starts.
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    server.close();
    const late = new Promise<void>((resolve) =>
      setTimeout(() => {
        up = true;
        server.listen(Number(new URL(url).port), "127.0.0.1", resolve);
      }, 1_000),
    );
    try {
      await waitUntilUp(url, child, () => "");
      expect(up).toBe(true);
    } finally {
      await late;
      child.kill();
      server.close();
    }
  });

  it("fails at once, with what the process printed, when the registry exits before it answers", async () => {
    const child = fakeRegistry("process.exit(3)");
    // Waiting out the whole bound would end in "did not answer within", not this.
    await expect(waitUntilUp("http://127.0.0.1:9/", child, () => "config error")).rejects.toThrow(
      /Verdaccio exited \(code 3\) before it answered .*\n?config error/s,
    );
  });
});
