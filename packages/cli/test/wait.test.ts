import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCsr } from "@certkit/sandbox";
import { beforeAll, describe, expect, it } from "vitest";
import { CERTKIT_BIN, freshHome, jsonOf, runCertkit } from "./support/run-certkit.js";

// One order that awaits its validation for good (nothing is published for it), in the embedded sandbox.
describe("certkit wait, and what it says", { timeout: 180_000 }, () => {
  let env: NodeJS.ProcessEnv;
  let home: string;
  let ref: string;

  beforeAll(async () => {
    ({ home, env } = freshHome());
    ref = jsonOf(await runCertkit(["order", "stuck.example.com", "--provider", "ionos-ssl", "--json"], { env })).ref;
  }, 60_000);

  it("on an order awaiting validation says once what to run first, and gives up in human words", async () => {
    const run = await runCertkit(["wait", ref, "--timeout", "2s", "--interval", "200ms"], { env });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    const note = `certkit: ${ref} awaits its validation and goes no further until it is done: certkit sandbox publish ${ref} (the sandbox's DNS, web and mail stand in for yours), then certkit validate ${ref}`;
    expect(lines.filter((line) => line === note)).toHaveLength(1);
    expect(lines.indexOf(note)).toBe(1);
    expect(lines[2]).toMatch(
      new RegExp(`^waiting for ${ref} to be issued: awaiting_validation \\(PENDING\\), look 1, `),
    );
    expect(lines.at(-1)).toBe(
      `certkit: gave up after 2 s: ${ref} is still awaiting_validation (PENDING), not issued; run certkit wait ${ref} to wait again`,
    );
    expect(run.stderr).not.toMatch(/waitForStatus|\d{4,} ms/);
  });

  it("stops at once when the order is past the status awaited, instead of polling until the timeout", async () => {
    const run = await runCertkit(["wait", ref, "--until", "pending", "--timeout", "24d", "--interval", "1h"], { env });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(
      `certkit: ${ref} is awaiting_validation (PENDING), past pending: it will not become pending again`,
    );
    const json = await runCertkit(["wait", ref, "--until", "pending", "--json"], { env });
    expect(jsonOf(json).error).toMatchObject({ code: "CONFLICT" });
  });

  it("--json reports the timeout with its code", async () => {
    const run = await runCertkit(["wait", ref, "--timeout", "1s", "--json"], { env });
    expect(run.code).toBe(1);
    expect(jsonOf(run).error).toMatchObject({
      code: "TIMEOUT",
      message: expect.stringContaining(`gave up after 1 s: ${ref} is still awaiting_validation`),
    });
  });

  it("on a terminal redraws its line every second, with the time elapsed and the next look", () => {
    const script = spawnSync(
      "script",
      ["-qfec", `"${process.execPath}" "${CERTKIT_BIN}" wait ${ref} --interval 3s --timeout 4s`, "/dev/null"],
      {
        cwd: home,
        env: { PATH: process.env.PATH, ...env },
        encoding: "utf8",
      },
    );
    const frames = script.stdout
      .split("\r\u001b[2K")
      .slice(1)
      .map((frame) => frame.split("\r\n")[0]!);
    const heading = `waiting for ${ref} to be issued: awaiting_validation (PENDING), look 1, `;
    expect(frames[0]!.startsWith(heading)).toBe(true);
    expect(frames[0]!.slice(heading.length)).toMatch(/^\d s elapsed, next look in \d s$/);
    // Drawn again before the second look, as the clock moves: one look, several times elapsed.
    const elapsedAtLook1 = new Set(
      frames.filter((frame) => frame.startsWith(heading)).map((frame) => /(\d+) s elapsed/.exec(frame)![1]),
    );
    expect(elapsedAtLook1.size).toBeGreaterThanOrEqual(2);
    expect(frames.some((frame) => frame.includes("look 2, "))).toBe(true);
    expect(script.stdout).toContain(`certkit: gave up after 4 s: ${ref}`);
  });

  it("order --csr with a file that also holds the private key is refused before sending, naming the file", async () => {
    const { csr, privateKey } = await generateCsr({ commonName: "keyed.example.com" });
    writeFileSync(join(home, "both.pem"), `${csr}\n${privateKey}`);
    const before = jsonOf(await runCertkit(["list", "--provider", "ionos-ssl", "--json"], { env })).orders.length;
    const run = await runCertkit(["order", "keyed.example.com", "--provider", "ionos-ssl", "--csr", "both.pem"], {
      env,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(
      "certkit: both.pem holds a private key besides the CSR, and a private key never leaves this machine: remove the key from both.pem (keep it in a file of its own) and give the CSR alone; nothing was sent",
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain("PRIVATE KEY-----");
    expect(jsonOf(await runCertkit(["list", "--provider", "ionos-ssl", "--json"], { env })).orders).toHaveLength(
      before,
    );
  });
});
