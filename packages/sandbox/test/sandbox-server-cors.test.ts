import { afterEach, describe, expect, it } from "vitest";
import { createSandbox } from "../src/index.js";
import { startSandboxServer, type SandboxServer } from "../src/node.js";

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(cors?: string[]): Promise<SandboxServer> {
  server = await startSandboxServer(await createSandbox(), { cors });
  return server;
}

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
  });

describe("CORS on the simulated APIs", () => {
  it("with * lets in pages served from this machine, on any port, and no others", async () => {
    const { url } = await serve(["*"]);
    const list = `${url}/ionos-ssl/v1/certificates`;
    for (const origin of [
      "http://localhost:5173",
      "http://127.0.0.1:8080",
      "http://[::1]:3000",
      "https://app.localhost",
      "http://localhost",
    ]) {
      const answer = await preflight(list, origin);
      expect({ origin, status: answer.status, allowed: answer.headers.get("access-control-allow-origin") }).toEqual({
        origin,
        status: 204,
        allowed: origin,
      });
    }
    for (const origin of [
      "http://evil.example.test",
      "null",
      "http://localhost.evil.example.test",
      "http://127.0.0.2:5173",
      "file://",
      "http://localhost:5173/path",
    ]) {
      const answer = await preflight(list, origin);
      expect({ origin, status: answer.status, allowed: answer.headers.get("access-control-allow-origin") }).toEqual({
        origin,
        status: 403,
        allowed: null,
      });
    }
  });

  it("answers a preflight with the methods, the asked headers and a max age", async () => {
    const { url } = await serve(["http://localhost:5173"]);
    const answer = await preflight(`${url}/dnsimple/v2/1010/domains`, "http://localhost:5173");
    expect(answer.status).toBe(204);
    expect(
      Object.fromEntries([...answer.headers].filter(([name]) => name.startsWith("access-control-") || name === "vary")),
    ).toEqual({
      "access-control-allow-origin": "http://localhost:5173",
      "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE",
      "access-control-allow-headers": "authorization",
      "access-control-max-age": "600",
      vary: "Origin, Access-Control-Request-Headers",
    });
  });

  it("lets an allowed page read answers and the headers clients read, refusals included", async () => {
    const { url } = await serve(["http://localhost:5173"]);
    const origin = "http://localhost:5173";
    const answer = await fetch(`${url}/dnsimple/v2/whoami`, {
      headers: { origin, authorization: "Bearer sandbox-dnsimple-token" },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe(origin);
    expect(answer.headers.get("vary")).toContain("Origin");
    const exposed = answer.headers.get("access-control-expose-headers")!.toLowerCase().split(", ");
    expect(exposed).toEqual(
      expect.arrayContaining([
        "retry-after",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-request-id",
      ]),
    );
    expect(answer.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);

    const refused = await fetch(`${url}/ionos-ssl/v1/certificates`, { headers: { origin } });
    expect([refused.status, refused.headers.get("access-control-allow-origin")]).toEqual([401, origin]);
  });

  it("gives no CORS headers to another origin, nor without --cors", async () => {
    const { url } = await serve(["http://localhost:5173"]);
    const other = await fetch(`${url}/ionos-ssl/v1/certificates`, {
      headers: { origin: "http://localhost:3000", "x-api-key": "sandbox.ionos-ssl-api-key" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    await server!.close();

    const closed = await serve();
    const answer = await preflight(`${closed.url}/ionos-ssl/v1/certificates`, "http://localhost:5173");
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    expect(answer.status).toBe(404);
  });

  it("never opens the control API to other origins", async () => {
    const { url } = await serve(["*"]);
    const answer = await preflight(`${url}/_sandbox/snapshot`, "http://localhost:5173");
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const read = await fetch(`${url}/_sandbox/snapshot`, { headers: { origin: "http://localhost:5173" } });
    expect([read.status, read.headers.get("access-control-allow-origin")]).toEqual([403, null]);
  });
});
