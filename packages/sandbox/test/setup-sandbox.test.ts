import { createIonosSslClient } from "@certkit/ionos-ssl";
import { useMswServer } from "@certkit/test-kit";
import { describe, expect, it } from "vitest";
import { DEFAULT_SANDBOX_ORIGIN, SandboxClock, setupSandbox } from "../src/index.js";

const { server } = useMswServer();

describe("setupSandbox", () => {
  it("installs every simulator in msw under a name that never resolves, with client options bound to it", async () => {
    const sandbox = await setupSandbox(server, {
      clock: new SandboxClock({ frozenAt: new Date("2026-02-01T00:00:00Z") }),
      seed: true,
    });
    expect(sandbox.origin).toBe(DEFAULT_SANDBOX_ORIGIN);
    expect(sandbox.clientOptions("ionos-ssl")).toEqual({
      apiKey: "sandbox.ionos-ssl-api-key",
      baseUrl: "https://sandbox.example.test/ionos-ssl",
    });
    const ionos = createIonosSslClient(sandbox.clientOptions("ionos-ssl"));
    const { data } = await ionos.GET("/v1/certificates");
    expect(data?.certificates?.map((certificate) => certificate.commonName)).toEqual([
      "shop.example.com",
      "www.example.org",
    ]);
    const control = await fetch(`${sandbox.origin}/_sandbox`);
    expect(await control.json()).toMatchObject({ now: "2026-02-01T00:00:00.000Z" });
  });

  it("takes another origin and credentials of the test's own", async () => {
    const sandbox = await setupSandbox(server, {
      origin: "https://certs.example.test:8080/",
      credentials: { "ionos-ssl": { apiKey: "pub.mine" } },
    });
    expect(sandbox.baseUrl("ionos-ssl")).toBe("https://certs.example.test:8080/ionos-ssl");
    const ionos = createIonosSslClient(sandbox.clientOptions("ionos-ssl"));
    expect((await ionos.GET("/v1/certificates")).data).toEqual({ total: 0, certificates: [] });
    const stranger = createIonosSslClient({
      apiKey: "sandbox.ionos-ssl-api-key",
      baseUrl: sandbox.baseUrl("ionos-ssl"),
    });
    expect((await stranger.GET("/v1/certificates")).error).toMatchObject({ code: "AUTH", status: 401 });
  });

  it("is gone after msw's resetHandlers", async () => {
    const sandbox = await setupSandbox(server);
    server.resetHandlers();
    const ionos = createIonosSslClient({ ...sandbox.clientOptions("ionos-ssl"), retry: false });
    await expect(ionos.GET("/v1/certificates")).rejects.toMatchObject({ code: "NETWORK" });
  });
});
