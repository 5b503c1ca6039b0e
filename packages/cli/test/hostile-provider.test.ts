import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCertificateClient, waitForStatus } from "@certkit/certificates";
import { ionosSsl } from "@certkit/certificates/ionos-ssl";
import { zerossl } from "@certkit/certificates/zerossl";
import { generateCsr, type Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshHome, jsonOf, runCertkit } from "./support/run-certkit.js";
import { settingEvery, startRewritingProxy, type RewritingProxy } from "./support/rewriting-proxy.js";
import { startTestSandbox } from "./support/sandbox-server.js";

const ESC = "\u001b";
/** Any character a terminal acts on (but LF, which ends lines). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
/** A title change, a screen wipe, a lone C1 CSI and a right-to-left override. */
const ESCAPES = `${ESC}]0;pwned\u0007${ESC}[2J\u009b31m\u202e`;

// IONOS answers through a proxy that rewrites them; the order itself is a real one, issued by the sandbox.
describe("certkit when the provider's answers are hostile", { timeout: 180_000 }, () => {
  let sandbox: Sandbox;
  let server: SandboxServer;
  let proxy: RewritingProxy;
  let env: NodeJS.ProcessEnv;
  let home: string;
  let ref: string;

  beforeAll(async () => {
    ({ sandbox, server } = await startTestSandbox());
    proxy = await startRewritingProxy(server.url);
    ({ home, env } = freshHome());
    const { apiKey } = server.clientOptions("ionos-ssl");
    env = { ...env, CERTKIT_IONOS_API_KEY: apiKey, CERTKIT_IONOS_BASE_URL: `${proxy.url}/ionos-ssl` };
    const client = createCertificateClient(ionosSsl(server.clientOptions("ionos-ssl")));
    const { csr } = await generateCsr({ commonName: "shop.example.com" });
    const order = await client.order({ commonName: "shop.example.com", csr, validationMethod: "dns" });
    for (const { dns } of await client.validation(order.id)) sandbox.dns.addTxt(dns!.name, dns!.value);
    await client.confirmValidation(order.id);
    await waitForStatus(client, order.id, { intervalMs: 100 });
    ref = `ionos-ssl:${order.id}`;
  }, 60_000);
  afterEach(() => (proxy.rewrite = undefined));
  afterAll(async () => {
    await proxy.close();
    await server.close();
  });

  it.each([
    ["../../x", "a path up and out"],
    ["/ABSOLUTE", "an absolute path"],
  ])(
    "download refuses an order named %j (%s), which its certificate lacks: exit 1, nothing written anywhere",
    async (name) => {
      const commonName = name === "/ABSOLUTE" ? join(home, "absolute") : name;
      proxy.rewrite = settingEvery("commonName", commonName);
      const cwd = join(home, "work", "deep");
      mkdirSync(cwd, { recursive: true });
      const run = await runCertkit(["download", ref], { env, cwd });
      // The facade refuses the bundle before the CLI picks a folder (whose own guard certificate-folder.test.ts holds).
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/sent a certificate that lacks names of its order/);
      expect(run.stderr).not.toContain(ESC);
      expect(readdirSync(cwd)).toEqual([]);
      expect(existsSync(join(home, "x"))).toBe(false);
      expect(existsSync(join(home, "absolute"))).toBe(false);
    },
  );

  it("download's default folder is the normalized name, however the provider writes it", async () => {
    proxy.rewrite = settingEvery("commonName", "Shop.EXAMPLE.com.");
    const cwd = join(home, "normalized");
    mkdirSync(cwd);
    const run = await runCertkit(["download", ref], { env, cwd });
    expect(run.code).toBe(0);
    expect(readdirSync(cwd)).toEqual(["shop.example.com"]);
  });

  it("terminal escapes from the provider are shown escaped, never sent to the terminal; --json stays valid JSON", async () => {
    proxy.rewrite = (body) =>
      settingEvery("status", `ACTIVE${ESCAPES}`)(settingEvery("commonName", `shop.example.com${ESCAPES}`)(body));
    const text = await runCertkit(["show", ref], { env });
    expect(text.code).toBe(0);
    const printed = `${text.stdout}${text.stderr}`;
    expect(printed).not.toMatch(CONTROL);
    expect(text.stdout).toContain("shop.example.com\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202e");

    const json = await runCertkit(["show", ref, "--json"], { env });
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(CONTROL);
    // The same value, escaped in the JSON text only.
    expect(jsonOf(json)).toMatchObject({
      commonName: `shop.example.com${ESCAPES}`,
      providerStatus: `ACTIVE${ESCAPES}`,
    });
  });

  it("--out through a symlink to a folder writes in that folder", async () => {
    const target = join(home, "real-certs");
    mkdirSync(target);
    symlinkSync(target, join(home, "certs-link"));
    const run = await runCertkit(["download", ref, "--out", "certs-link"], { env });
    expect(run.code).toBe(0);
    expect(readdirSync(target).sort()).toEqual(["cert.pem", "chain.pem", "fullchain.pem"]);
  });

  it("a symlink at a file's name is a file that exists: refused without --force, replaced (never written through) with it", async () => {
    const dir = join(home, "linked");
    mkdirSync(dir);
    const outside = join(home, "outside.txt");
    writeFileSync(outside, "not a certificate\n");
    symlinkSync(outside, join(dir, "cert.pem"));

    const refused = await runCertkit(["download", ref, "--out", "linked"], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("cert.pem already exists: nothing was written (add --force to replace)");
    expect(readdirSync(dir)).toEqual(["cert.pem"]);

    const forced = await runCertkit(["download", ref, "--out", "linked", "--force"], { env });
    expect(forced.code).toBe(0);
    expect(lstatSync(join(dir, "cert.pem")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, "cert.pem"), "utf8")).toContain("BEGIN CERTIFICATE");
    expect(readFileSync(outside, "utf8")).toBe("not a certificate\n");
  });
  it("a ZeroSSL access key echoed in an answer is removed from text and JSON output", async () => {
    const { accessKey } = server.clientOptions("zerossl");
    const zerosslEnv = {
      ...env,
      CERTKIT_ZEROSSL_ACCESS_KEY: accessKey,
      CERTKIT_ZEROSSL_BASE_URL: `${proxy.url}/zerossl`,
    };
    const client = createCertificateClient(zerossl(server.clientOptions("zerossl")));
    const { csr } = await generateCsr({ commonName: "leak.example.com" });
    await client.order({ commonName: "leak.example.com", csr });
    proxy.rewrite = settingEvery("common_name", `leak-${accessKey}.example.com`);
    for (const args of [
      ["list", "--provider", "zerossl"],
      ["list", "--provider", "zerossl", "--json"],
    ]) {
      const run = await runCertkit(args, { env: zerosslEnv });
      expect(run.code, args.join(" ")).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toContain(accessKey);
      expect(run.stdout).toContain("leak-[REDACTED].example.com");
    }
  });
});
