import { PROVIDER_NAMES, type DomainValidation } from "@certkit/certificates";
import { createSandbox, type Sandbox } from "@certkit/sandbox";
import { startSandboxServer, type SandboxServer } from "@certkit/sandbox/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sandboxPublisher } from "../src/index.ts";

let sandbox: Sandbox;
let server: SandboxServer;
beforeEach(async () => {
  sandbox = await createSandbox();
  server = await startSandboxServer(sandbox);
});
afterEach(() => server.close());

const context = { key: "c0", provider: PROVIDER_NAMES[0], orderId: "1" };
const dnsValidation = (type: string): DomainValidation => ({
  domain: "shop.example.com",
  method: "dns",
  status: "pending",
  dns: { type: type as "TXT" | "CNAME", name: "_check.shop.example.com", value: "target.example.net" },
});

describe("the sandbox publisher", () => {
  it.each(["TXT", "CNAME"] as const)("publishes a %s record as that type", async (type) => {
    await sandboxPublisher(server.url).publish(dnsValidation(type), context);
    expect(sandbox.dns.lookup(type, "_check.shop.example.com")).toEqual(["target.example.net"]);
    expect(sandbox.dns.lookup(type === "TXT" ? "CNAME" : "TXT", "_check.shop.example.com")).toEqual([]);
  });

  it("fails naming the route when the sandbox holds no such record type", async () => {
    await expect(sandboxPublisher(server.url).publish(dnsValidation("MX"), context)).rejects.toThrow(
      /answered PUT \/_sandbox\/dns\/mx with HTTP 404/,
    );
  });
});
