import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshHome, jsonOf, runCertkit } from "./support/run-certkit.js";
import { startTestSandbox } from "./support/sandbox-server.js";

// IONOS configured the way a user would: environment variables only, pointed at the sandbox server.
describe("certkit against IONOS SSL, configured by environment variables", { timeout: 180_000 }, () => {
  let sandbox: Sandbox;
  let server: SandboxServer;
  let env: NodeJS.ProcessEnv;
  let home: string;
  let apiKey: string;
  let ref: string;
  const certkit = (...args: string[]) => runCertkit(args, { env });

  beforeAll(async () => {
    ({ sandbox, server } = await startTestSandbox());
    ({ home, env } = freshHome());
    ({ apiKey } = server.clientOptions("ionos-ssl"));
    env = { ...env, CERTKIT_IONOS_API_KEY: apiKey, CERTKIT_IONOS_BASE_URL: server.baseUrl("ionos-ssl") };
  });
  afterAll(() => server.close());

  it("providers shows IONOS alone as configured, and says no sandbox is in use", async () => {
    const run = await certkit("providers", "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const { source, providers } = jsonOf(run);
    expect(source).toBe("providers");
    expect(providers.filter((p: any) => p.account === "configured").map((p: any) => p.provider)).toEqual(["ionos-ssl"]);
    expect(providers.find((p: any) => p.provider === "ionos-ssl")).toMatchObject({
      order: true,
      confirmValidation: true,
      renew: false,
      csr: "optional",
    });
  });

  it("order --generate-key writes the key (0600) and CSR first, and prints the exact DNS record to publish", async () => {
    const run = await certkit("order", "shop.example.com", "--generate-key", "--out", "shop");
    expect(run.code).toBe(0);
    const [, id] = /ordered (ionos-ssl:\S+)/.exec(run.stdout) ?? [];
    ref = id!;
    expect(statSync(join(home, "shop", "privkey.pem")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(home, "shop", "request.csr"), "utf8")).toContain("BEGIN CERTIFICATE REQUEST");
    const record = /^\s+(_dnsauth\.shop\.example\.com)\s+TXT\s+"([^"]+)"$/m.exec(run.stdout);
    expect(record).not.toBeNull();
    expect(run.stdout).toContain(
      `next: publish the record or file, or have the email approved (certkit show ${ref} says which), then certkit validate ${ref}, then certkit wait ${ref}`,
    );
    sandbox.dns.addTxt(record![1]!, record![2]!);
  });

  it("order refuses to replace a key that exists, before sending anything", async () => {
    const before = (await certkit("list", "--json")).stdout;
    const run = await certkit("order", "shop.example.com", "--generate-key", "--out", "shop");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /privkey\.pem, .*request\.csr already exist: nothing was written \(add --force to replace\)/,
    );
    expect(JSON.parse((await certkit("list", "--json")).stdout).orders).toHaveLength(JSON.parse(before).orders.length);
  });

  it("order with input the facade refuses costs no request and leaves no key behind", async () => {
    const before = jsonOf(await certkit("list", "--json")).orders.length;
    const run = await certkit("order", "bad_name.example.com", "--generate-key", "--out", "bad");
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'certkit: commonName has a label that is not letters, digits and inner hyphens: "bad_name"\n',
    );
    expect(() => statSync(join(home, "bad", "privkey.pem"))).toThrow();
    expect(jsonOf(await certkit("list", "--json")).orders).toHaveLength(before);
  });

  it("order --force that the facade refuses puts back the key and CSR it would have replaced", async () => {
    const key = readFileSync(join(home, "shop", "privkey.pem"), "utf8");
    const csr = readFileSync(join(home, "shop", "request.csr"), "utf8");
    const run = await certkit(
      "order",
      "shop.example.com",
      "--generate-key",
      "--out",
      "shop",
      "--force",
      "--years",
      "7",
    );
    expect(run.code).toBe(2);
    expect(readFileSync(join(home, "shop", "privkey.pem"), "utf8")).toBe(key);
    expect(readFileSync(join(home, "shop", "request.csr"), "utf8")).toBe(csr);
    expect(statSync(join(home, "shop", "privkey.pem")).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(home, "shop")).sort()).toEqual(["privkey.pem", "request.csr"]);
  });

  it("show gives the order with its validation, as text and as JSON", async () => {
    const text = await certkit("show", ref);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^status:\s+awaiting_validation \(ionos-ssl: /m);
    const json = jsonOf(await certkit("show", ref, "--json"));
    expect(json).toMatchObject({
      ref,
      provider: "ionos-ssl",
      commonName: "shop.example.com",
      status: "awaiting_validation",
    });
    expect(json.validation[0]).toMatchObject({
      method: "dns",
      dns: { name: "_dnsauth.shop.example.com", type: "TXT" },
    });
    expect(json).not.toHaveProperty("raw");
  });

  it("a bare id works with --provider, or when one provider is configured", async () => {
    const id = ref.slice("ionos-ssl:".length);
    expect((await certkit("show", id)).code).toBe(0);
    expect((await certkit("show", id, "--provider", "ionos-ssl")).code).toBe(0);
    const conflicting = await certkit("show", ref, "--provider", "dnsimple");
    expect(conflicting.code).toBe(2);
    expect(conflicting.stderr).toContain("the id names ionos-ssl but --provider says dnsimple");
  });

  it("validate confirms, wait polls with progress until issued", async () => {
    const validated = await certkit("validate", ref);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain(`${ref}: validation confirmed; the order is processing`);
    const waited = await certkit("wait", ref, "--interval", "100ms");
    expect(waited.code).toBe(0);
    // Its first look may already find it issued on a slow machine: the progress line is there either way.
    expect(waited.stderr).toMatch(
      new RegExp(`waiting for ${ref} to be issued: (processing|issued) \\(\\w+\\), look 1, `),
    );
    expect(waited.stdout).toMatch(new RegExp(`^${ref} is issued after`, "m"));
  });

  it("download writes cert, chain and fullchain that chain to the sandbox root, and never overwrites without --force", async () => {
    const run = await certkit("download", ref, "--out", "shop-certs", "--json");
    expect(run.code).toBe(0);
    const { files, intermediates } = jsonOf(run);
    expect(files.map((file: string) => file.slice(home.length + 1))).toEqual([
      "shop-certs/cert.pem",
      "shop-certs/chain.pem",
      "shop-certs/fullchain.pem",
    ]);
    expect(intermediates).toBe(1);
    const fullchain = readFileSync(join(home, "shop-certs", "fullchain.pem"), "utf8");
    const verification = await sandbox.ca.verifyChain(fullchain, sandbox.clock.now());
    expect(verification).toMatchObject({ ok: true, names: ["shop.example.com"] });
    expect(statSync(join(home, "shop-certs", "cert.pem")).mode & 0o777).toBe(0o644);

    const again = await certkit("download", ref, "--out", "shop-certs");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exist: nothing was written (add --force to replace)");
    const forced = await certkit("download", ref, "--out", "shop-certs", "--force");
    expect(forced.code).toBe(0);

    // Issued: the validation is done, and show gives no instruction for it any more.
    const shown = await certkit("show", ref);
    expect(shown.stdout).toMatch(/^ {2}shop\.example\.com \(dns, valid\): done$/m);
    expect(shown.stdout).not.toContain("publish");
  });

  it("list shows the inventory with days left, and --expiring-within filters it", async () => {
    const run = await certkit("list");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^order\s+status\s+names\s+expires\s+days left$/m);
    expect(run.stdout).toMatch(
      new RegExp(`^${ref}\\s+issued\\s+shop\\.example\\.com\\s+\\d{4}-\\d{2}-\\d{2}\\s+36[45]$`, "m"),
    );
    const soon = jsonOf(await certkit("list", "--expiring-within", "30d", "--json"));
    expect(soon.orders.map((order: any) => order.ref)).not.toContain(ref);
    const year = jsonOf(await certkit("list", "--expiring-within", "400d", "--json"));
    expect(year.orders.map((order: any) => order.ref)).toContain(ref);
    expect(year.failures).toEqual([]);
  });

  it("operations IONOS lacks are bad usage (exit 2), not failures", async () => {
    const run = await certkit("renew", ref);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ionos-ssl does not support renew");
  });

  it("cancel --yes cancels; show then finds nothing (exit 1)", async () => {
    const run = await certkit("cancel", ref, "--yes");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${ref} is cancelled`);
    const gone = await certkit("show", ref);
    expect(gone.code).toBe(1);
    expect(gone.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("never prints the API key, even with --verbose", async () => {
    const run = await certkit("list", "--verbose");
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/→ GET http:\/\/127\.0\.0\.1:\d+\/ionos-ssl\/v1\/certificates/);
    expect(run.stderr).toMatch(/← 200 GET \/v1\/certificates in \d+ ms/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(apiKey);
  });
});
