import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freshHome } from "./support/run-certkit.js";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** `npm run -s certkit -- args`, typed in `cwd` (`--prefix` finds the clone from anywhere). */
function npmRunCertkit(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync("npm", ["--prefix", repoRoot, "run", "-s", "certkit", "--", ...args], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
}

describe("npm run certkit in the clone", { timeout: 180_000 }, () => {
  it("runs the built CLI with its arguments", () => {
    const { home, env } = freshHome();
    const run = npmRunCertkit(["providers", "--json"], repoRoot, env);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ source: "embedded-sandbox" });
    expect(statSync(join(home, "state", "certkit", "sandbox.json")).isFile()).toBe(true);
  });

  it("writes files in the folder the command was typed in, not in the clone's root", () => {
    const { home, env } = freshHome();
    const run = npmRunCertkit(
      ["order", "clone.example.com", "--provider", "ionos-ssl", "--generate-key", "--json"],
      home,
      env,
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).files).toEqual([
      join(home, "clone.example.com", "privkey.pem"),
      join(home, "clone.example.com", "request.csr"),
    ]);
  });
});
