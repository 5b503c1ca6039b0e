import type { DomainValidation } from "@certkit/certificates";
import { createSandbox, type Sandbox } from "@certkit/sandbox";
import { startSandboxServer, type SandboxServer } from "@certkit/sandbox/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishValidation } from "../src/sandbox/sandbox-control.js";

let sandbox: Sandbox;
let server: SandboxServer;
beforeEach(async () => {
  sandbox = await createSandbox();
  server = await startSandboxServer(sandbox);
});
afterEach(() => server.close());

const dnsValidation = (type: "TXT" | "CNAME"): DomainValidation => ({
  domain: "shop.example.com",
  method: "dns",
  status: "pending",
  dns: { type, name: "_check.shop.example.com", value: "target.example.net" },
});

describe("publishValidation in the sandbox", () => {
  it.each(["TXT", "CNAME"] as const)("publishes a %s record as that type", async (type) => {
    const said = await publishValidation(
      { origin: server.url, fetch },
      dnsValidation(type),
      new AbortController().signal,
    );
    expect(said).toBe(`published ${type} _check.shop.example.com in the sandbox's DNS`);
    expect(sandbox.dns.lookup(type, "_check.shop.example.com")).toEqual(["target.example.net"]);
    expect(sandbox.dns.lookup(type === "TXT" ? "CNAME" : "TXT", "_check.shop.example.com")).toEqual([]);
  });

  it("fails with a PROVIDER error naming the route when the sandbox holds no such record type", async () => {
    const validation = dnsValidation("TXT");
    validation.dns!.type = "MX" as never;
    await expect(
      publishValidation({ origin: server.url, fetch }, validation, new AbortController().signal),
    ).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringMatching(/PUT \/_sandbox\/dns\/mx with HTTP 404/),
    });
  });
});
