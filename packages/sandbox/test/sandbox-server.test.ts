import { createIonosSslClient } from "@certkit/ionos-ssl";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, DNS_RECORD_TYPES, SANDBOX_PROVIDERS, SandboxClock, type Sandbox } from "../src/index.js";
import { startSandboxServer, type SandboxServer } from "../src/node.js";

const JSON_TYPE = { "content-type": "application/json" };

let sandbox: Sandbox;
let server: SandboxServer;
const clock = new SandboxClock({ frozenAt: new Date("2026-06-01T00:00:00Z") });

beforeEach(async () => {
  sandbox = await createSandbox({ clock, "ionos-ssl": { issuanceDelayMs: 1000 } });
  server = await startSandboxServer(sandbox);
});
afterEach(() => server.close());

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/_sandbox${path}`, {
    method,
    headers: JSON_TYPE,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("startSandboxServer", () => {
  it("listens on loopback and describes itself at /_sandbox", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const description = await (await control("GET", "")).json();
    expect(description).toEqual({
      now: "2026-06-01T00:00:00.000Z",
      providers: Object.fromEntries(SANDBOX_PROVIDERS.map((provider) => [provider, server.clientOptions(provider)])),
    });
    expect(description.providers["ionos-ssl"]).toEqual({
      baseUrl: `${server.url}/ionos-ssl`,
      apiKey: sandbox.credentials["ionos-ssl"].apiKey,
    });
  });

  it("serves the IONOS simulator over HTTP, and the control API drives its world", async () => {
    const ionos = createIonosSslClient(server.clientOptions("ionos-ssl"));
    const { data: created } = await ionos.POST("/v1/certificates", {
      body: { certificateType: "SSL_STARTER", commonName: "http.example.com" },
    });
    const auth = created!.authenticationSummary!;
    expect((await control("PUT", "/dns/txt", { name: auth.name, value: auth.content })).status).toBe(204);
    const dcv = await ionos.POST("/v1/certificates/{id}/authentications/{authenticationId}", {
      params: { path: { id: created!.id!, authenticationId: auth.id! }, query: { action: "DCV_READY" } },
    });
    expect(dcv.response.status).toBe(204);
    expect(await (await control("POST", "/clock/advance", { ms: 1000 })).json()).toEqual({
      now: "2026-06-01T00:00:01.000Z",
    });
    const { data } = await ionos.GET("/v1/certificates/{id}", { params: { path: { id: created!.id! } } });
    expect(data?.status).toBe("ACTIVE");
    expect(data?.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it("removes DNS records and publishes files through the control API", async () => {
    await control("PUT", "/dns/txt", { name: "_dnsauth.a.example.com", value: "v1" });
    await control("DELETE", "/dns/txt", { name: "_dnsauth.a.example.com", value: "v1" });
    expect(sandbox.dns.lookupTxt("_dnsauth.a.example.com")).toEqual([]);
    await control("PUT", "/web", {
      url: "http://a.example.com/.well-known/pki-validation/fileauth.txt",
      content: "token",
    });
    expect(sandbox.web.read("HTTP://A.example.com/.well-known/pki-validation/fileauth.txt")).toBe("token");
  });

  it("publishes and removes a record of each type the fake DNS holds, at /dns/<type>", async () => {
    for (const type of DNS_RECORD_TYPES) {
      const path = `/dns/${type.toLowerCase()}`;
      expect((await control("PUT", path, { name: "_v.b.example.com", value: "target.example.net" })).status).toBe(204);
      expect(sandbox.dns.lookup(type, "_v.b.example.com")).toEqual(["target.example.net"]);
      expect((await control("DELETE", path, { name: "_v.b.example.com" })).status).toBe(204);
      expect(sandbox.dns.lookup(type, "_v.b.example.com")).toEqual([]);
    }
  });

  it("answers 404 to a record type the fake DNS does not hold", async () => {
    const response = await control("PUT", "/dns/mx", { name: "b.example.com", value: "mail.example.com" });
    expect(response.status).toBe(404);
    expect(sandbox.dns.snapshot()).toEqual({ TXT: {}, CNAME: {} });
  });

  it.each([
    ["PUT", "/dns/cname", { name: "x", value: 7 }],
    ["DELETE", "/dns/cname", { value: "x" }],
    ["PUT", "/dns/txt", { name: "x" }],
    ["DELETE", "/dns/txt", {}],
    ["PUT", "/web", { url: "not a url", content: "x" }],
    ["POST", "/clock/advance", { ms: -5 }],
    ["POST", "/clock/advance", "not json"],
  ])("answers 400 to %s %s with a bad body", async (method, path, body) => {
    const response = await control(method, path, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty("message");
  });

  it("answers 404 with a JSON message for a route it does not serve", async () => {
    const response = await fetch(`${server.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: "The sandbox serves no GET /nowhere" });
  });

  it("stops accepting connections when closed", async () => {
    const { url } = server;
    await server.close();
    await expect(fetch(`${url}/_sandbox`)).rejects.toThrow();
    server = await startSandboxServer(sandbox);
  });
});

describe("SandboxClock", () => {
  it("moves only forward, by finite amounts", () => {
    const frozen = new SandboxClock({ frozenAt: new Date(0) });
    frozen.advance(5);
    expect(frozen.now().getTime()).toBe(5);
    expect(() => frozen.advance(-1)).toThrow(RangeError);
    expect(() => frozen.advance(Number.NaN)).toThrow(RangeError);
  });

  it("follows the system time when not frozen", () => {
    const live = new SandboxClock();
    live.advance(86_400_000);
    expect(Math.abs(live.now().getTime() - (Date.now() + 86_400_000))).toBeLessThan(5_000);
  });
});
