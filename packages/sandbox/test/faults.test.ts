import { createIonosSslClient, type IonosSslClient } from "@certkit/ionos-ssl";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, SandboxClock, SandboxFaults, type FaultSpec, type Sandbox } from "../src/index.js";
import { serveOver, TRANSPORTS } from "./support/transports.js";

const JSON_TYPE = { "content-type": "application/json" };

const LIST = "/v1/certificates";

describe.each(TRANSPORTS)("fault injection over %s", (transport) => {
  let sandbox: Sandbox;
  let origin: string;
  let close: () => Promise<void>;
  let ionos: IonosSslClient;

  beforeEach(async () => {
    sandbox = await createSandbox({ clock: new SandboxClock({ frozenAt: new Date("2026-04-01T00:00:00Z") }) });
    ({ origin, close } = await serveOver(transport, (at) => sandbox.handlers(at)));
    ionos = createIonosSslClient({ ...sandbox.clientOptions(origin, "ionos-ssl"), retry: false });
  });
  afterEach(() => close());

  it("answers with the status, body and headers given, then lets the simulator answer again", async () => {
    sandbox.faults.add({
      route: LIST,
      times: 1,
      status: 429,
      body: { message: "slow down" },
      headers: { "Retry-After": "7" },
    });
    const { error } = await ionos.GET(LIST);
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      status: 429,
      retryAfterMs: 7000,
      body: { message: "slow down" },
    });
    expect((await ionos.GET(LIST)).data).toEqual({ total: 0, certificates: [] });
  });

  it("fails only the n-th matching call with from + times", async () => {
    sandbox.faults.add({ provider: "ionos-ssl", method: "GET", route: LIST, from: 2, times: 1, status: 500 });
    const statuses = [];
    for (let call = 0; call < 3; call += 1) statuses.push((await ionos.GET(LIST)).response?.status);
    expect(statuses).toEqual([200, 500, 200]);
    expect(sandbox.faults.list()).toMatchObject([{ seen: 3, hits: 1 }]);
  });

  it("lets a client's read retry get past a passing fault", async () => {
    const retrying = createIonosSslClient({ ...sandbox.clientOptions(origin, "ionos-ssl"), retry: { baseDelayMs: 1 } });
    sandbox.faults.add({ route: LIST, times: 2, status: 503 });
    const { data, error } = await retrying.GET(LIST);
    expect(error).toBeUndefined();
    expect(data?.total).toBe(0);
    expect(sandbox.faults.list()[0]).toMatchObject({ seen: 3, hits: 2 });
  });

  it("sends a JSON body cut off in the middle with malformed", async () => {
    sandbox.faults.add({ route: LIST, malformed: true });
    await expect(ionos.GET(LIST)).rejects.toMatchObject({ code: "PROVIDER", status: 200 });
  });

  it("closes the connection without an answer with drop", async () => {
    sandbox.faults.add({ route: LIST, drop: true });
    await expect(ionos.GET(LIST)).rejects.toMatchObject({ code: "NETWORK", status: undefined });
  });

  it("slows answers down with delayMs, enough for a client's timeout", async () => {
    sandbox.faults.add({ route: LIST, delayMs: 400 });
    const impatient = createIonosSslClient({
      ...sandbox.clientOptions(origin, "ionos-ssl"),
      retry: false,
      timeoutMs: 50,
    });
    await expect(impatient.GET(LIST)).rejects.toMatchObject({ code: "TIMEOUT" });
    sandbox.faults.clear();
    sandbox.faults.add({ route: LIST, delayMs: 20 });
    expect((await ionos.GET(LIST)).response?.status).toBe(200);
  });

  it("hits only the provider, method and route it names", async () => {
    sandbox.faults.add({ provider: "dnsimple", status: 500 });
    sandbox.faults.add({ method: "DELETE", status: 500 });
    sandbox.faults.add({ route: "/v1/certificates/quota", status: 500 });
    expect((await ionos.GET(LIST)).response?.status).toBe(200);
    expect(sandbox.faults.list().map((fault) => fault.seen)).toEqual([0, 0, 0]);
  });

  it("comes before authentication, as a gateway in front of the provider fails", async () => {
    sandbox.faults.add({ route: LIST, status: 502, body: "<html>Bad Gateway</html>" });
    const stranger = createIonosSslClient({
      apiKey: "pub.wrong",
      baseUrl: sandbox.baseUrl(origin, "ionos-ssl"),
      retry: false,
    });
    expect((await stranger.GET(LIST)).error).toMatchObject({ code: "PROVIDER", status: 502 });
  });

  it("is managed over the control API", async () => {
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${origin}/_sandbox/faults${path}`, {
        method,
        headers: JSON_TYPE,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const added = await control("POST", "", { route: LIST, status: 503, times: 1 });
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: number };
    expect(await (await control("GET", "")).json()).toEqual([
      { id, route: LIST, status: 503, times: 1, seen: 0, hits: 0 },
    ]);
    expect((await ionos.GET(LIST)).response?.status).toBe(503);
    expect((await control("DELETE", `/${id}`)).status).toBe(204);
    expect((await control("DELETE", `/${id}`)).status).toBe(404);
    const refused = await control("POST", "", { status: 99 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: "fault.status must be an HTTP status from 200 to 599, got 99" });
    await control("POST", "", { drop: true });
    expect((await control("DELETE", "")).status).toBe(204);
    expect(sandbox.faults.list()).toEqual([]);
  });
});

describe("SandboxFaults", () => {
  it.each<[string, FaultSpec, RegExp]>([
    ["no outcome", { route: LIST }, /needs status, malformed, drop or delayMs/],
    ["two outcomes", { status: 500, drop: true }, /one of status, malformed and drop/],
    ["a status out of range", { status: 700 }, /from 200 to 599/],
    ["an unknown method", { method: "TRACE" as never, status: 500 }, /method must be one of/],
    ["a route without a slash", { route: "v1/certificates", status: 500 }, /starting with \//],
    ["from 0", { from: 0, status: 500 }, /from must be an integer ≥ 1/],
    ["times 1.5", { times: 1.5, status: 500 }, /times must be an integer ≥ 1/],
    ["a negative delay", { delayMs: -1 }, /delayMs must be a number from 0 to 2147483647/],
    ["a delay no timer holds", { delayMs: 2 ** 31, status: 503 }, /delayMs must be a number from 0 to 2147483647/],
  ])("refuses %s", (_what, spec, message) => {
    const faults = new SandboxFaults();
    expect(() => faults.add(spec)).toThrow(message);
    expect(faults.list()).toEqual([]);
  });

  it("removes faults by id", () => {
    const faults = new SandboxFaults();
    const first = faults.add({ status: 500 });
    const second = faults.add({ drop: true });
    expect(faults.remove(first)).toBe(true);
    expect(faults.remove(first)).toBe(false);
    expect(faults.list().map((fault) => fault.id)).toEqual([second]);
  });
});
