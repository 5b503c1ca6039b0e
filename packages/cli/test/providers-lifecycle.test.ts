import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCsr, type Sandbox } from "@certkit/sandbox";
import type { SandboxServer } from "@certkit/sandbox/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshHome, jsonOf, runCertkit } from "./support/run-certkit.js";
import { startTestSandbox } from "./support/sandbox-server.js";

// Each provider's own way through the CLI, each configured a different way (variables, a config file, --sandbox).
// Long timeouts: each test runs the CLI up to a dozen times, which takes minutes on a loaded machine.
describe("certkit at every provider", { timeout: 240_000 }, () => {
  let sandbox: Sandbox;
  let server: SandboxServer;
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    ({ sandbox, server } = await startTestSandbox());
    ({ home, env } = freshHome());
  });
  afterAll(() => server.close());

  it("DNSimple: makes the key and validates by itself; download writes its key 0600; renew gives a new order", async () => {
    const { token } = server.clientOptions("dnsimple");
    const dnsimpleEnv = {
      ...env,
      CERTKIT_DNSIMPLE_TOKEN: token,
      CERTKIT_DNSIMPLE_BASE_URL: server.baseUrl("dnsimple"),
    };
    const certkit = (...args: string[]) => runCertkit(args, { env: dnsimpleEnv });

    const keyed = await certkit("order", "www.example.com", "--generate-key");
    expect(keyed.code).toBe(2);
    expect(keyed.stderr).toContain("dnsimple makes the key itself and takes no CSR");

    const ordered = jsonOf(await certkit("order", "www.example.com", "--json"));
    expect(ordered).toMatchObject({
      provider: "dnsimple",
      status: "processing",
      validation: [{ domain: "www.example.com", method: "dns" }],
    });
    expect(ordered.validation[0]).not.toHaveProperty("dns");
    const validate = await certkit("validate", ordered.ref);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(
      `dnsimple checks the validation by itself, so there is nothing to confirm: run certkit wait ${ordered.ref}`,
    );

    expect((await certkit("wait", ordered.ref, "--interval", "200ms")).code).toBe(0);
    const downloaded = jsonOf(await certkit("download", ordered.ref, "--json"));
    expect(downloaded).toMatchObject({ dir: join(home, "www.example.com"), privateKey: true });
    expect(statSync(join(home, "www.example.com", "privkey.pem")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(home, "www.example.com", "privkey.pem"), "utf8")).toContain("PRIVATE KEY");

    const renewed = await certkit("renew", ordered.ref, "--json");
    expect(renewed.code).toBe(0);
    const renewal = jsonOf(renewed);
    expect(renewal.ref).not.toBe(ordered.ref);
    expect((await certkit("wait", renewal.ref, "--interval", "200ms")).code).toBe(0);
  });

  it("DNSimple v1 from a config file: email validation names the approvers; approving lets wait finish", async () => {
    const file = join(home, "v1.json");
    writeFileSync(
      file,
      JSON.stringify({ providers: { "dnsimple-v1": { ...server.clientOptions("dnsimple-v1"), contactId: 1 } } }),
      { mode: 0o600 },
    );
    const certkit = (...args: string[]) => runCertkit([...args, "--config", file], { env });
    const { csr } = await generateCsr({ commonName: "blog.example.org" });
    writeFileSync(join(home, "blog.csr"), csr);

    const ordered = await certkit("order", "blog.example.org", "--csr", "blog.csr");
    expect(ordered.code).toBe(0);
    expect(ordered.stdout).toMatch(
      /blog\.example\.org \(email, waiting\): an approver approves the CA's email, sent to one of\n\s+admin@example\.org/,
    );
    const ref = /ordered (dnsimple-v1:\S+)/.exec(ordered.stdout)![1]!;
    expect(ordered.stdout).toContain(
      `next: publish the record or file, or have the email approved (certkit show ${ref} says which), then certkit wait ${ref}`,
    );
    // Configured as a real provider (a config file), so certkit does not touch its validation: the user does.
    const refused = await certkit("sandbox", "publish", ref);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `certkit sandbox works on the sandbox only, and dnsimple-v1 is configured for real`,
    );
    const [email] = sandbox.mail.inbox("admin@example.org");
    sandbox.mail.approve(email!.code, sandbox.clock.now());
    const waited = await certkit("wait", ref, "--interval", "200ms", "--json");
    expect(waited.code).toBe(0);
    expect(jsonOf(waited)).toMatchObject({ ref, status: "issued" });
  });

  it("Resello through --sandbox: file validation says what to serve where; reissue with a new key", async () => {
    const certkit = (...args: string[]) => runCertkit([...args, "--sandbox", server.url], { env });
    const ordered = await certkit(
      "order",
      "api.example.net",
      "--provider",
      "resello",
      "--generate-key",
      "--out",
      "api",
      "--validation",
      "file",
      "--json",
    );
    expect(ordered.code).toBe(0);
    const order = jsonOf(ordered);
    expect(order.files).toEqual([join(home, "api", "privkey.pem"), join(home, "api", "request.csr")]);
    const [{ file }] = order.validation;
    expect(file.url).toMatch(/^http:\/\/api\.example\.net\/\.well-known\/pki-validation\//);
    const published = await certkit("sandbox", "publish", order.ref);
    expect(published.code).toBe(0);
    expect(published.stdout).toBe(
      `published ${file.url} on the sandbox's web\nnext: certkit validate ${order.ref}, then certkit wait ${order.ref}\n`,
    );
    expect(sandbox.web.read(file.url)).toBe(file.content);
    expect((await certkit("validate", order.ref)).code).toBe(0);
    expect((await certkit("wait", order.ref, "--interval", "200ms")).code).toBe(0);

    const reissued = await certkit("reissue", order.ref, "--generate-key", "--out", "api-new");
    expect(reissued.code).toBe(0);
    expect(reissued.stdout).toContain(
      `new key and CSR written: ${join("api-new", "privkey.pem")}, ${join("api-new", "request.csr")} (the key is mode 0600)`,
    );
    expect(statSync(join(home, "api-new", "privkey.pem")).mode & 0o777).toBe(0o600);
  });

  it("SSLmarket through --sandbox: DNS validation with no confirm step; its refusal to revoke a DV certificate is exit 1", async () => {
    const certkit = (...args: string[]) =>
      runCertkit([...args, "--sandbox", server.url, "--provider", "sslmarket"], { env });
    const { csr } = await generateCsr({ commonName: "mail.example.com", altNames: ["smtp.example.com"] });
    writeFileSync(join(home, "mail.csr"), csr);
    const order = jsonOf(
      await certkit("order", "mail.example.com", "--san", "smtp.example.com", "--csr", "mail.csr", "--json"),
    );
    expect(order.altNames).toEqual(["smtp.example.com"]);
    for (const { dns } of order.validation) sandbox.dns.addTxt(dns.name, dns.value);
    expect((await certkit("wait", order.ref, "--interval", "200ms")).code).toBe(0);

    // SSLmarket refuses to revoke DV certificates through its API: a provider's refusal is exit 1, in one line.
    const revoked = await certkit("revoke", order.ref, "--yes", "--reason", "key compromise");
    expect(revoked.code).toBe(1);
    expect(revoked.stdout).toBe("");
    expect(revoked.stderr.split("\n").filter(Boolean).at(-1)).toMatch(
      /^certkit: .*\(revocation_not_available\): DV SSL certificates cannot be revoked through the API\.$/,
    );
  });

  it("wait on an order that was cancelled ends with exit 1 and says so", async () => {
    const certkit = (...args: string[]) =>
      runCertkit([...args, "--sandbox", server.url, "--provider", "resello"], { env });
    const { csr } = await generateCsr({ commonName: "old.example.net" });
    writeFileSync(join(home, "old.csr"), csr);
    const order = jsonOf(await certkit("order", "old.example.net", "--csr", "old.csr", "--json"));
    expect((await certkit("cancel", order.ref, "--yes")).code).toBe(0);
    const ended = await certkit("wait", order.ref, "--json");
    expect(ended.code).toBe(1);
    expect(jsonOf(ended).error).toMatchObject({
      code: "CONFLICT",
      provider: "resello",
      order: { ref: order.ref, status: "cancelled" },
    });
    expect(ended.stderr).toMatch(/is cancelled .*it will not become issued/);
  });

  it("list covers every configured provider at once", async () => {
    const run = await runCertkit(["list", "--json", "--sandbox", server.url], { env });
    expect(run.code).toBe(0);
    const providers = new Set(jsonOf(run).orders.map((order: any) => order.provider));
    expect([...providers].sort()).toEqual(["dnsimple", "dnsimple-v1", "resello", "sslmarket"]);
  });
});
