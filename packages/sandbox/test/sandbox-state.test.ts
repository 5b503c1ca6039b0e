import { createIonosSslClient } from "@certkit/ionos-ssl";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, generateCsr, SANDBOX_PROVIDERS, SandboxClock, type Sandbox } from "../src/index.js";
import { startSandboxServer, type SandboxServer } from "../src/node.js";
import { loadProviderReads } from "./support/restore-reads/read-everything.ts";

const JSON_TYPE = { "content-type": "application/json" };

const frozen = (at: string) => new SandboxClock({ frozenAt: new Date(at) });
let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// How each simulator is read (every list, order and download) is in test/support/restore-reads/<provider>.ts.
const READS = await loadProviderReads();

/** Every read of every simulator over HTTP, as one comparable value: each provider's paths, statuses and bodies. */
async function readEverything(sandbox: Sandbox, origin: string): Promise<Record<string, unknown[]>> {
  const everything: Record<string, unknown[]> = {};
  for (const provider of SANDBOX_PROVIDERS) {
    const options = sandbox.clientOptions(origin, provider) as Record<string, string>;
    const reads = READS.get(provider)!;
    const headers = reads.headers(options);
    const answers: unknown[] = [];
    await reads.readEverything(async (path) => {
      const response = await fetch(`${options.baseUrl}${path}`, { headers });
      const json = response.headers.get("content-type")?.includes("json") ?? false;
      const body: unknown = json ? await response.json() : await response.text();
      answers.push({ path, status: response.status, body });
      return response.ok && json ? body : undefined;
    }, options);
    everything[provider] = answers;
  }
  return everything;
}

/** How many certificates the IONOS simulator lists. */
async function ionosTotal(sandbox: Sandbox, origin: string): Promise<number | undefined> {
  const ionos = createIonosSslClient(sandbox.clientOptions(origin, "ionos-ssl"));
  return (await ionos.GET("/v1/certificates")).data?.total;
}

describe("sandbox snapshot and restore", () => {
  it("round-trips through JSON: the same answers, and new certificates still chain to the same root", async () => {
    const first = await createSandbox({ clock: frozen("2026-05-01T00:00:00Z"), seed: true });
    first.dns.addTxt("_dnsauth.kept.example.com", "kept");
    first.web.publish("http://kept.example.com/.well-known/pki-validation/fileauth.txt", "file");
    const code = first.mail.send({ to: "admin@kept.example.com", subject: "s", sentAt: first.clock.now() });
    first.mail.approve(code, first.clock.now());
    server = await startSandboxServer(first);
    const before = await readEverything(first, server.url);
    // Every simulator serves seeded orders (downloads of those not issued answer 4xx), none with a 5xx.
    for (const provider of SANDBOX_PROVIDERS) {
      const statuses = (before[provider] as { status: number }[]).map(({ status }) => status);
      expect(statuses.filter((status) => status === 200).length, provider).toBeGreaterThan(1);
      expect(
        statuses.filter((status) => status >= 500),
        provider,
      ).toEqual([]);
    }
    const json = JSON.stringify(await first.snapshot());
    await server.close();

    const second = await createSandbox({ clock: frozen("2026-01-01T00:00:00Z") });
    await second.restore(JSON.parse(json));
    expect(second.clock.now().toISOString()).toBe("2026-05-01T00:00:00.000Z");
    server = await startSandboxServer(second);
    expect(await readEverything(second, server.url)).toEqual(before);
    expect(second.dns.lookupTxt("_dnsauth.kept.example.com")).toEqual(["kept"]);
    expect(second.web.read("http://kept.example.com/.well-known/pki-validation/fileauth.txt")).toBe("file");
    expect(second.mail.isApproved(code)).toBe(true);
    expect(second.ca.rootCertificate).toBe(first.ca.rootCertificate);
    expect(JSON.stringify(await second.snapshot())).toBe(json);

    // The restored CA signs with the saved intermediate key: a new order's certificate verifies against the old root.
    const ionos = createIonosSslClient(second.clientOptions(server.url, "ionos-ssl"));
    const { csr } = await generateCsr({ commonName: "after.example.com" });
    const { data } = await ionos.POST("/v1/certificates", {
      body: { certificateType: "SSL_STARTER", commonName: "after.example.com", csr },
    });
    const auth = data!.authenticationSummary!;
    second.dns.addTxt(auth.name!, auth.content!);
    await ionos.POST("/v1/certificates/{id}/authentications/{authenticationId}", {
      params: { path: { id: data!.id!, authenticationId: auth.id! }, query: { action: "DCV_READY" } },
    });
    second.clock.advance(60_000);
    const active = (await ionos.GET("/v1/certificates/{id}", { params: { path: { id: data!.id! } } })).data!;
    expect(
      await first.ca.verifyChain(
        `${active.certificate}\n${active.caCertificates![0]!.certificate}`,
        second.clock.now(),
      ),
    ).toMatchObject({ ok: true });
  });

  it("never moves a clock backwards when the snapshot is older", async () => {
    const old = await (await createSandbox({ clock: frozen("2026-01-01T00:00:00Z") })).snapshot();
    const sandbox = await createSandbox({ clock: frozen("2026-06-01T00:00:00Z") });
    await sandbox.restore(old);
    expect(sandbox.clock.now().toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it.each([
    ["not an object", "nope", /not a sandbox snapshot/],
    ["another format", { format: "other/1" }, /not a sandbox snapshot/],
    [
      "no providers",
      { format: "certkit-sandbox/1", now: "2026-01-01T00:00:00Z", ca: {}, dns: {}, web: {}, mail: [] },
      /"providers" must be an object/,
    ],
    [
      "a bad time",
      { format: "certkit-sandbox/1", now: "yesterday", ca: {}, dns: {}, web: {}, mail: [], providers: {} },
      /"now" must be an ISO 8601 time/,
    ],
  ])("refuses %s with a TypeError and changes nothing", async (_what, snapshot, message) => {
    const sandbox = await createSandbox({ clock: frozen("2026-05-01T00:00:00Z"), seed: true });
    const before = JSON.stringify(await sandbox.snapshot());
    await expect(sandbox.restore(snapshot as never)).rejects.toThrow(message);
    await expect(sandbox.restore(snapshot as never)).rejects.toBeInstanceOf(TypeError);
    expect(JSON.stringify(await sandbox.snapshot())).toBe(before);
  });

  it("refuses a snapshot whose parts are broken, and changes nothing", async () => {
    const sandbox = await createSandbox({ clock: frozen("2026-05-01T00:00:00Z"), seed: true });
    const good = await sandbox.snapshot();
    const before = JSON.stringify(good);
    const broken = [
      { ...good, ca: { root: "x", intermediate: "y", intermediateKey: "z", revoked: {} } },
      { ...good, dns: { "a.example.com": "not a list" } },
      { ...good, web: { "not a url": "x" } },
      { ...good, mail: [{ to: "a@example.com" }] },
      { ...good, providers: { ...good.providers, "ionos-ssl": { orders: "none" } } },
    ];
    for (const snapshot of broken) {
      await expect(sandbox.restore(snapshot as never)).rejects.toBeInstanceOf(TypeError);
      expect(JSON.stringify(await sandbox.snapshot())).toBe(before);
    }
  });

  it("resets every simulator and the outside world, keeping the CA", async () => {
    const sandbox = await createSandbox({ clock: frozen("2026-05-01T00:00:00Z"), seed: true });
    const root = sandbox.ca.rootCertificate;
    sandbox.dns.addTxt("a.example.com", "v");
    sandbox.reset();
    const snapshot = await sandbox.snapshot();
    expect(snapshot.dns).toEqual({ TXT: {}, CNAME: {} });
    expect(snapshot.mail).toEqual([]);
    expect(Object.keys(snapshot.providers)).toEqual(SANDBOX_PROVIDERS);
    expect(snapshot.providers["ionos-ssl"]).toEqual({ orders: [] });
    expect(await (await createSandbox()).snapshot().then((fresh) => fresh.providers)).toEqual(snapshot.providers);
    expect(sandbox.ca.rootCertificate).toBe(root);
  });
});

describe("the control API for state, mail and reset", () => {
  it("saves and restores a snapshot over HTTP", async () => {
    const sandbox = await createSandbox({ clock: frozen("2026-05-01T00:00:00Z"), seed: true });
    server = await startSandboxServer(sandbox);
    const saved = await (await fetch(`${server.url}/_sandbox/snapshot`)).json();
    expect((await fetch(`${server.url}/_sandbox/reset`, { method: "POST", headers: JSON_TYPE })).status).toBe(204);
    expect(await ionosTotal(sandbox, server.url)).toBe(0);
    const restored = await fetch(`${server.url}/_sandbox/snapshot`, {
      method: "PUT",
      headers: JSON_TYPE,
      body: JSON.stringify(saved),
    });
    expect(restored.status).toBe(204);
    expect(await ionosTotal(sandbox, server.url)).toBe(2);
    const refused = await fetch(`${server.url}/_sandbox/snapshot`, {
      method: "PUT",
      headers: JSON_TYPE,
      body: JSON.stringify({ format: "x" }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      message: 'not a sandbox snapshot: expected {"format": "certkit-sandbox/1", ...}',
    });
  });

  it("lists approval emails and approves one by its code", async () => {
    const sandbox = await createSandbox({ clock: frozen("2026-05-01T00:00:00Z") });
    server = await startSandboxServer(sandbox);
    const code = sandbox.mail.send({ to: "Admin@Example.com", subject: "Approve", sentAt: sandbox.clock.now() });
    sandbox.mail.send({ to: "other@example.org", subject: "Other", sentAt: sandbox.clock.now() });
    const inbox = await (await fetch(`${server.url}/_sandbox/mail?to=admin@example.com`)).json();
    expect(inbox).toEqual([{ code, to: "admin@example.com", subject: "Approve", sentAt: "2026-05-01T00:00:00.000Z" }]);
    const approve = (body: unknown) =>
      fetch(`${server!.url}/_sandbox/mail/approve`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) });
    expect((await approve({ code })).status).toBe(204);
    expect(sandbox.mail.isApproved(code)).toBe(true);
    expect((await approve({ code: "unknown" })).status).toBe(404);
    expect((await approve({})).status).toBe(400);
  });
});
