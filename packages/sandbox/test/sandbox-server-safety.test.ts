import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { createIonosSslClient } from "@certkit/ionos-ssl";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, LATEST_SANDBOX_TIME, SandboxClock, type Sandbox, type SandboxSnapshot } from "../src/index.js";
import { startSandboxServer, type SandboxServer, type SandboxServerOptions } from "../src/node.js";

const JSON_TYPE = { "content-type": "application/json" };
let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  options: SandboxServerOptions = {},
  sandboxOptions: Parameters<typeof createSandbox>[0] = {},
): Promise<{ sandbox: Sandbox; server: SandboxServer }> {
  const sandbox = await createSandbox({
    clock: new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") }),
    ...sandboxOptions,
  });
  server = await startSandboxServer(sandbox, options);
  return { sandbox, server };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers fetch will not send as given (Host, Origin), through node:http. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: options.method ?? "GET", headers: options.headers }, (incoming) => {
      let body = "";
      incoming.on("data", (chunk: Buffer) => (body += chunk.toString()));
      incoming.on("end", () => resolve({ status: incoming.statusCode!, headers: incoming.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

/** Raw bytes on a new connection, read until the server closes it. */
function sendRaw(url: string, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const { port } = new URL(url);
    const socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(answer));
    socket.write(bytes);
  });
}

describe("the sandbox server, attacked", () => {
  it.each([
    ["TRACE /", "TRACE / HTTP/1.1", /^HTTP\/1\.1 405 /],
    ["GET //[", "GET //[ HTTP/1.1", /^HTTP\/1\.1 404 /],
    ["GET * ", "GET * HTTP/1.1", /^HTTP\/1\.1 400 /],
    ["CONNECT", "CONNECT 127.0.0.1:443 HTTP/1.1", /^HTTP\/1\.1 405 /],
    ["an absolute target", "GET http://evil.example.test/_sandbox HTTP/1.1", /^HTTP\/1\.1 400 /],
  ])("answers %s with a 4xx and keeps serving", async (_, line, expected) => {
    const { server } = await serve();
    const port = new URL(server.url).port;
    expect(await sendRaw(server.url, `${line}\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toMatch(
      expected,
    );
    expect((await fetch(`${server.url}/_sandbox`)).status).toBe(200);
  });

  it("refuses a body over 1 MiB with 413 before reading it, on any route", async () => {
    const { server } = await serve();
    const big = JSON.stringify({ name: "x", value: "v".repeat(1024 * 1024) });
    const control = await send(`${server.url}/_sandbox/dns/txt`, { method: "PUT", headers: JSON_TYPE, body: big });
    expect(control.status).toBe(413);
    expect(JSON.parse(control.body)).toEqual({
      message: "the request body is larger than the 1048576 bytes the sandbox accepts",
    });
    const provider = await sendRaw(
      server.url,
      `POST /ionos-ssl/v1/certificates HTTP/1.1\r\nHost: localhost\r\nContent-Length: 104857600\r\n\r\n{`,
    );
    expect(provider).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("takes a snapshot restore larger than other bodies", async () => {
    const { sandbox, server } = await serve();
    sandbox.web.publish("http://big.example.com/file.txt", "x".repeat(3 * 1024 * 1024));
    const snapshot = JSON.stringify(await sandbox.snapshot());
    sandbox.reset();
    expect(
      (await fetch(`${server.url}/_sandbox/snapshot`, { method: "PUT", headers: JSON_TYPE, body: snapshot })).status,
    ).toBe(204);
    expect(sandbox.web.read("http://big.example.com/file.txt")).toHaveLength(3 * 1024 * 1024);
  });
});

describe("the Host a request names", () => {
  it("is refused with 403 when it is another site's name (DNS rebinding)", async () => {
    const { server } = await serve();
    const port = new URL(server.url).port;
    for (const host of [
      `rebind.example.test:${port}`,
      "evil.example.test",
      `127.0.0.1.evil.example.test:${port}`,
      "localhost@evil.example.test",
    ]) {
      const answer = await send(`${server.url}/_sandbox/snapshot`, { headers: { host } });
      expect({ host, status: answer.status }).toEqual({ host, status: 403 });
      expect(answer.body).not.toContain("PRIVATE KEY");
    }
    const provider = await send(`${server.url}/ionos-ssl/v1/certificates`, {
      headers: { host: `rebind.example.test:${port}`, "x-api-key": "sandbox.ionos-ssl-api-key" },
    });
    expect(provider.status).toBe(403);
    expect(JSON.parse(provider.body)).toEqual({
      message: "the sandbox answers only requests for its own host (see --allow-host)",
    });
  });

  it("is answered when it is localhost, a subdomain of it, an IP address, the listening host, or an allowed name", async () => {
    const { server } = await serve({ allowedHosts: ["sandbox.internal"] });
    const port = new URL(server.url).port;
    for (const host of [
      `localhost:${port}`,
      `app.localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      `10.0.0.5:${port}`,
      `SANDBOX.internal:${port}`,
      "sandbox.internal",
    ]) {
      expect({ host, status: (await send(`${server.url}/_sandbox`, { headers: { host } })).status }).toEqual({
        host,
        status: 200,
      });
    }
  });
});

describe("the control API", () => {
  it("refuses a cross-origin text/plain POST, which browsers send without a preflight", async () => {
    const { sandbox, server } = await serve({}, { seed: true });
    // Whether or not the browser says where the page came from, the reset does not happen.
    const fromPage = await send(`${server.url}/_sandbox/reset`, {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "http://evil.example.test" },
      body: "{}",
    });
    expect(fromPage.status).toBe(403);
    const plain = await send(`${server.url}/_sandbox/clock/advance`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '{"ms": 1000}',
    });
    expect(plain.status).toBe(415);
    expect(JSON.parse(plain.body)).toEqual({ message: "control API writes need Content-Type: application/json" });
    const form = await send(`${server.url}/_sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "status=500",
    });
    expect(form.status).toBe(415);
    expect(sandbox.clock.now().toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(sandbox.faults.list()).toEqual([]);
    expect((await sandbox.snapshot()).providers["ionos-ssl"]).toMatchObject({ orders: [{}, {}] });
  });

  it("refuses a JSON request from a page of another origin, and takes one from its own", async () => {
    const { server } = await serve();
    const host = new URL(server.url).host;
    const foreign = await send(`${server.url}/_sandbox/dns/txt`, {
      method: "PUT",
      headers: { ...JSON_TYPE, origin: "http://localhost:5173" },
      body: '{"name": "a", "value": "b"}',
    });
    expect(foreign.status).toBe(403);
    const own = await send(`${server.url}/_sandbox/dns/txt`, {
      method: "PUT",
      headers: { ...JSON_TYPE, origin: `http://${host}` },
      body: '{"name": "a", "value": "b"}',
    });
    expect(own.status).toBe(204);
  });

  it("keeps its clock within the Date range, and keeps answering", async () => {
    const { sandbox, server } = await serve();
    const advance = (ms: unknown) =>
      fetch(`${server.url}/_sandbox/clock/advance`, {
        method: "POST",
        headers: JSON_TYPE,
        body: JSON.stringify({ ms }),
      });
    for (const ms of [8.64e15, Number.MAX_SAFE_INTEGER, 1e300]) {
      const answer = await advance(ms);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { message: string }).message).toMatch(/may not pass 9000-01-01T00:00:00\.000Z/);
    }
    expect((await advance(-1)).status).toBe(400);
    expect((await advance("1000")).status).toBe(400);
    expect(sandbox.clock.now().toISOString()).toBe("2026-04-01T00:00:00.000Z");
    const toTheEnd = LATEST_SANDBOX_TIME.getTime() - sandbox.clock.now().getTime();
    expect(await (await advance(toTheEnd)).json()).toEqual({ now: "9000-01-01T00:00:00.000Z" });
    expect((await advance(1)).status).toBe(400);
    expect((await fetch(`${server.url}/_sandbox`)).status).toBe(200);
    expect((await fetch(`${server.url}/_sandbox/snapshot`)).status).toBe(200);
  });

  it("refuses JSON nested deeper than state needs", async () => {
    const { sandbox, server } = await serve();
    const deep = `{"status": 500, "body": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const answer = await fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: JSON_TYPE, body: deep });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ message: "body nests deeper than 64 levels" });
    expect(sandbox.faults.list()).toEqual([]);
  });

  it("refuses a fault whose headers the server could not send", async () => {
    const { sandbox, server } = await serve();
    const add = (fault: unknown) =>
      fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(fault) });
    for (const [headers, message] of [
      [
        { "Retry-After": "1\u0001" },
        "fault.headers: the value of Retry-After must be a string without control characters",
      ],
      [
        { "Retry-After": "1\r\nSet-Cookie: x=y" },
        "fault.headers: the value of Retry-After must be a string without control characters",
      ],
      [{ "Retry After": "1" }, 'fault.headers: "Retry After" is not a header name'],
      [{ "Retry-After": 1 }, "fault.headers: the value of Retry-After must be a string without control characters"],
      [["Retry-After", "1"], "fault.headers must be {name: value}"],
    ] as const) {
      const answer = await add({ status: 429, headers });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ message });
    }
    expect(sandbox.faults.list()).toEqual([]);
    expect((await add({ status: 429, headers: { "Retry-After": "1" } })).status).toBe(201);
    const limited = await fetch(`${server.url}/ionos-ssl/v1/certificates`);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "1"]);
  });

  describe("with a control token", () => {
    const TOKEN = "s3cret-token_1";

    it("answers only requests that carry it, and leaves the providers' own authentication alone", async () => {
      const { server } = await serve({ controlToken: TOKEN });
      const missing = await fetch(`${server.url}/_sandbox/snapshot`);
      expect(missing.status).toBe(401);
      expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="certkit-sandbox control API"');
      expect(await missing.text()).not.toContain(TOKEN);
      expect(
        (await fetch(`${server.url}/_sandbox/snapshot`, { headers: { authorization: "Bearer s3cret-token_2" } }))
          .status,
      ).toBe(401);
      expect(
        (
          await fetch(`${server.url}/_sandbox/reset`, {
            method: "POST",
            headers: { ...JSON_TYPE, authorization: `Basic ${TOKEN}` },
          })
        ).status,
      ).toBe(401);
      expect(
        (await fetch(`${server.url}/_sandbox/snapshot`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(200);
      expect(
        (
          await fetch(`${server.url}/_sandbox/reset`, {
            method: "POST",
            headers: { ...JSON_TYPE, authorization: `bearer ${TOKEN}` },
          })
        ).status,
      ).toBe(204);

      const ionos = createIonosSslClient(server.clientOptions("ionos-ssl"));
      expect((await ionos.GET("/v1/certificates")).response.status).toBe(200);
      const stranger = await fetch(`${server.url}/ionos-ssl/v1/certificates`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(stranger.status).toBe(401);
      expect(await stranger.json()).toEqual({ message: "Missing or invalid API key." });
    });

    // The router decodes percent-escapes before it matches a path: an encoded name of the control API is still it.
    it.each([
      "/%5Fsandbox/snapshot",
      "/%5fsandbox/snapshot",
      "/_sandbox%2Fsnapshot",
      "/%255Fsandbox/snapshot",
      "//_sandbox/snapshot",
    ])(
      "asks for it on %s, a path the router may read as the control API's, and refuses other origins there",
      async (path) => {
        const { server } = await serve({ controlToken: TOKEN });
        const missing = await send(`${server.url}${path}`);
        expect(missing.status).toBe(401);
        expect(missing.body).not.toContain("PRIVATE KEY");
        const reset = await send(`${server.url}${path.replace("snapshot", "reset")}`, {
          method: "POST",
          headers: JSON_TYPE,
        });
        expect(reset.status).toBe(401);
        const foreign = await send(`${server.url}${path}`, {
          headers: { authorization: `Bearer ${TOKEN}`, origin: "http://evil.example.test" },
        });
        expect(foreign.status).toBe(403);
      },
    );

    it.each([[""], ["has space"], ["line\nbreak"], ["ünïcode"]])(
      "is refused before listening when it cannot be a bearer token: %j",
      async (token) => {
        const sandbox = await createSandbox();
        await expect(startSandboxServer(sandbox, { controlToken: token })).rejects.toThrow(
          /control token must be letters, digits/,
        );
      },
    );
  });
});

describe("a restored snapshot", () => {
  async function saved(): Promise<SandboxSnapshot> {
    const sandbox = await createSandbox({
      clock: new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") }),
      seed: true,
    });
    return sandbox.snapshot();
  }

  it.each<[string, (snapshot: SandboxSnapshot) => unknown, RegExp]>([
    [
      "a clock past the Date range",
      (snapshot) => ({ ...snapshot, now: "+275760-09-13T00:00:00.000Z" }),
      /"now" \(\+275760-09-13T00:00:00\.000Z\) is after 9000-01-01/,
    ],
    [
      "a clock past the sandbox's latest time",
      (snapshot) => ({ ...snapshot, now: "9500-01-01T00:00:00.000Z" }),
      /is after 9000-01-01T00:00:00\.000Z/,
    ],
    ["a clock that is no time", (snapshot) => ({ ...snapshot, now: 5 }), /"now" must be an ISO 8601 time/],
    [
      "an order time outside the four-digit years",
      (snapshot) => {
        const copy = structuredClone(snapshot);
        (copy.providers["ionos-ssl"] as { orders: Record<string, unknown>[] }).orders[0]!.activeAt =
          "+100000-01-01T00:00:00.000Z";
        return copy;
      },
      /\/providers\/ionos-ssl\/orders\/0\/activeAt holds a time out of range/,
    ],
    [
      "an email sent on a day that does not exist",
      (snapshot) => ({
        ...snapshot,
        mail: [{ code: "c", to: "a@example.com", subject: "s", sentAt: "2026-02-30T25:00:00.000Z" }],
      }),
      /\/mail\/0\/sentAt holds a time out of range/,
    ],
    [
      "nesting deeper than state needs",
      (snapshot) => ({
        ...snapshot,
        providers: { ...snapshot.providers, resello: JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`) as unknown },
      }),
      /nests deeper than 64 levels/,
    ],
  ])("is refused with 400 when it holds %s, and changes nothing", async (_, spoil, message) => {
    const { sandbox, server } = await serve({}, { seed: true });
    const before = await sandbox.snapshot();
    const answer = await fetch(`${server.url}/_sandbox/snapshot`, {
      method: "PUT",
      headers: JSON_TYPE,
      body: JSON.stringify(spoil(await saved())),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { message: string }).message).toMatch(message);
    expect(await sandbox.snapshot()).toEqual(before);
    expect((await fetch(`${server.url}/_sandbox`)).status).toBe(200);
  });
});

describe("SandboxClock bounds", () => {
  it("refuses to be frozen past the latest sandbox time or at an invalid date", () => {
    expect(() => new SandboxClock({ frozenAt: new Date("9000-01-01T00:00:00.001Z") })).toThrow(RangeError);
    expect(() => new SandboxClock({ frozenAt: new Date(Number.NaN) })).toThrow(RangeError);
    expect(new SandboxClock({ frozenAt: LATEST_SANDBOX_TIME }).now()).toEqual(LATEST_SANDBOX_TIME);
  });

  it("does not move when an advance would pass it", () => {
    const clock = new SandboxClock({ frozenAt: new Date("8999-12-31T23:59:59.000Z") });
    expect(() => clock.advance(1001)).toThrow(/may not pass 9000-01-01T00:00:00\.000Z \(at most 1000 ms from now\)/);
    expect(clock.now().toISOString()).toBe("8999-12-31T23:59:59.000Z");
    clock.advance(1000);
    expect(clock.now()).toEqual(LATEST_SANDBOX_TIME);
  });
});
