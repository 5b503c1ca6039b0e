import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/apis.mjs";
import { ensureChromium } from "../setup-chromium.mjs";

// The sandbox in a real browser (Debian's Chromium, driven by playwright-core), with two pages built by esbuild as an
// application's build would: (a) msw's service worker with setupSandbox and the facade, a whole IONOS lifecycle in the
// page; (b) a page on another origin using the facade against `certkit-sandbox --cors`, and the same page against a
// sandbox started without it. Each test reads the page's DOM and saves a screenshot under scripts/test-results/browser.

const chromiumFound = ensureChromium({ log: (line) => console.warn(`[browser tests] ${line}`) });
if ("missing" in chromiumFound) console.warn(`[browser tests] skipped: ${chromiumFound.missing}`);
const executablePath = "path" in chromiumFound ? chromiumFound.path : "";

// What Chromium needs on a machine with a closed network (see scripts/setup-chromium.mjs); playwright gives each
// launch a fresh profile of its own.
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SCREENSHOTS = join(repoRoot, "scripts", "test-results", "browser");
const require = createRequire(import.meta.url);
const SANDBOX_BIN = join(
  dirname(require.resolve("@certkit/sandbox/package.json")),
  "dist",
  "cli",
  "certkit-sandbox.js",
);
const PAGES = join(dirname(fileURLToPath(import.meta.url)), "browser");

const html = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>certkit sandbox in a browser</title></head>` +
  `<body><h1>${script}</h1><pre id="result" data-state="running">running…</pre><script type="module" src="/${script}.js"></script></body></html>`;

/** Serves the built pages and msw's worker script: the web app's own origin. */
async function serveApp(built: string): Promise<{ server: Server; origin: string }> {
  const files: Record<string, () => Buffer | string> = {
    "/msw.html": () => html("msw-page"),
    "/cors.html": () => html("cors-page"),
    "/msw-page.js": () => readFileSync(join(built, "msw-page.js")),
    "/cors-page.js": () => readFileSync(join(built, "cors-page.js")),
    // What `npx msw init public/` copies into an application's public folder.
    "/mockServiceWorker.js": () => readFileSync(require.resolve("msw/mockServiceWorker.js")),
  };
  const types: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://app").pathname;
    const file = files[path];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": types[extname(path)]! }).end(file());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Starts `certkit-sandbox` and waits for its banner. */
async function startSandboxBin(args: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [SANDBOX_BIN, "--port", "0", "--empty", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening && output.includes("control API")) resolve(listening[1]!);
    });
    void exited.then(() => reject(new Error(`certkit-sandbox exited: ${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

interface PageOutcome {
  state: string | undefined;
  result: Record<string, unknown>;
  /** What the page logged as errors, to explain a failure. */
  errors: string[];
}

/** Opens a page, waits until it shows an outcome, saves a screenshot, and reads the outcome from the DOM. */
async function visit(browser: Browser, url: string, screenshot: string): Promise<PageOutcome> {
  const context = await browser.newContext();
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  try {
    await page.goto(url);
    await page.waitForSelector('#result:not([data-state="running"])', { timeout: 90_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, screenshot), fullPage: true });
    const state = await page.getAttribute("#result", "data-state");
    const result = JSON.parse((await page.textContent("#result")) ?? "{}") as Record<string, unknown>;
    return { state: state ?? undefined, result, errors };
  } finally {
    await context.close();
  }
}

describe.skipIf(executablePath === "")("the sandbox in a real browser (headless Chromium)", () => {
  let built = "";
  let app: { server: Server; origin: string };
  let browser: Browser;

  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), "certkit-browser-pages-"));
    await build({
      entryPoints: [join(PAGES, "msw-page.ts"), join(PAGES, "cors-page.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outdir: built,
      logLevel: "silent",
    });
    app = await serveApp(built);
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.server.close(resolve));
    rmSync(built, { recursive: true, force: true });
  });

  it("(a) runs a whole IONOS lifecycle through the facade against the sandbox in msw's service worker", async () => {
    const outcome = await visit(browser, `${app.origin}/msw.html`, "msw-ionos-lifecycle.png");
    expect(outcome, outcome.errors.join("\n")).toMatchObject({
      state: "done",
      result: {
        ordered: "awaiting_validation",
        status: "issued",
        commonName: "browser.example.com",
        chainVerified: true,
        names: ["browser.example.com"],
      },
    });
  });

  it("(b) runs a DNSimple lifecycle from a page of another origin against certkit-sandbox --cors", async () => {
    const sandbox = await startSandboxBin(["--cors", app.origin, "--issuance-delay", "dnsimple=0"]);
    try {
      const outcome = await visit(
        browser,
        `${app.origin}/cors.html?sandbox=${encodeURIComponent(sandbox.url)}`,
        "cors-dnsimple-lifecycle.png",
      );
      expect(outcome, outcome.errors.join("\n")).toMatchObject({
        state: "done",
        result: { status: "issued", commonName: "app.example.com", certificate: true, privateKey: true },
      });
    } finally {
      await sandbox.stop();
    }
  });

  it("(b) shows a failure on that page when certkit-sandbox was started without --cors", async () => {
    const sandbox = await startSandboxBin(["--issuance-delay", "dnsimple=0"]);
    try {
      const outcome = await visit(
        browser,
        `${app.origin}/cors.html?sandbox=${encodeURIComponent(sandbox.url)}`,
        "cors-refused.png",
      );
      expect(outcome.state).toBe("failed");
      expect(outcome.result).toMatchObject({ failed: "CertkitError" });
      expect(outcome.result.message).toEqual(expect.any(String));
    } finally {
      await sandbox.stop();
    }
  });
});
