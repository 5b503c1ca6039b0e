#!/usr/bin/env node
// Makes sure a Chromium for the browser tests is installed: Debian's `chromium` package, installed with apt-get when it
// is missing and this process may install packages (root, or sudo without a password). The tests drive it with
// playwright-core, which never downloads a browser of its own.
//
//   node scripts/setup-chromium.mjs     prints the browser's path; exit 1 with one line saying why when there is none
//
// CERTKIT_CHROMIUM=/path/to/chrome uses that browser instead.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { pathToFileURL } from "node:url";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** @param {string} path */
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string[]} command */
function succeeds(command) {
  const [program, ...args] = command;
  return spawnSync(/** @type {string} */ (program), args, { stdio: "ignore" }).status === 0;
}

/**
 * How to run apt-get here: directly as root, through `sudo -n` when that needs no password, or not at all.
 * @returns {string[] | undefined}
 */
function aptGet() {
  if (process.platform !== "linux" || !succeeds(["apt-get", "--version"])) return undefined;
  if (process.getuid?.() === 0) return ["apt-get"];
  return succeeds(["sudo", "-n", "true"]) ? ["sudo", "-n", "apt-get"] : undefined;
}

/**
 * Finds Chromium, installing Debian's package when it is missing and this process may.
 * @param {{ log?: (line: string) => void }} [options] where to say that an install starts (it takes minutes)
 * @returns {{ path: string } | { missing: string }} the browser, or one line saying why there is none
 */
export function ensureChromium(options = {}) {
  const chosen = process.env.CERTKIT_CHROMIUM;
  if (chosen)
    return executable(chosen) ? { path: chosen } : { missing: `CERTKIT_CHROMIUM=${chosen} is not an executable file` };
  if (executable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM };
  const apt = aptGet();
  if (!apt)
    return {
      missing: `Chromium is not installed (${DEBIAN_CHROMIUM}) and cannot be installed here (needs apt-get as root or with sudo -n)`,
    };
  options.log?.("installing Debian's chromium package for the browser tests (apt-get; this takes a few minutes)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const [program, ...prefix] = apt;
    const result = spawnSync(/** @type {string} */ (program), [...prefix, ...args], { env, encoding: "utf8" });
    if (result.status !== 0) {
      const last = `${result.stderr}${result.stdout}`.trim().split("\n").at(-1) ?? "";
      return { missing: `installing Chromium failed (apt-get ${args[0]} exited ${result.status}: ${last})` };
    }
  }
  return executable(DEBIAN_CHROMIUM)
    ? { path: DEBIAN_CHROMIUM }
    : { missing: `apt-get installed chromium, but ${DEBIAN_CHROMIUM} is missing` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const found = ensureChromium({ log: (line) => process.stderr.write(`[setup-chromium] ${line}\n`) });
  if ("path" in found) {
    process.stdout.write(`${found.path}\n`);
  } else {
    process.stderr.write(`[setup-chromium] ${found.missing}\n`);
    process.exit(1);
  }
}
