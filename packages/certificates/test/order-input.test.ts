import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dnsimple } from "../src/providers/dnsimple/index.js";
import { ionosSsl } from "../src/providers/ionos-ssl/index.js";
import { createCertificateClient, type OrderRequest } from "../src/index.js";

// Every rejected order is INVALID_INPUT naming the field, and costs no request: requests are counted at the network.
const { server } = useMswServer();

let sandbox: MswSandbox;
let requests = 0;
const countingFetch = (input: Request) => {
  requests += 1;
  return globalThis.fetch(input);
};

let csrs: Record<"shop" | "other" | "weak" | "ec521", string>;
beforeAll(async () => {
  csrs = {
    shop: (await generateCsr({ commonName: "shop.example.com" })).csr,
    other: (await generateCsr({ commonName: "other.example.com" })).csr,
    weak: (await generateCsr({ commonName: "shop.example.com", keyType: "rsa-1024" })).csr,
    ec521: (await ec521Csr()).csr,
  };
});

/** A CSR on the P-521 curve, which the sandbox's generator does not make (CAs refuse it for server certificates). */
async function ec521Csr() {
  const { Pkcs10CertificateRequestGenerator } = await import("@peculiar/x509");
  const algorithm = { name: "ECDSA", namedCurve: "P-521", hash: "SHA-512" } as const;
  const keys = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
  const csr = await Pkcs10CertificateRequestGenerator.create({
    name: "CN=shop.example.com",
    keys,
    signingAlgorithm: algorithm,
  });
  return { csr: csr.toString("pem") };
}

beforeEach(async () => {
  requests = 0;
  sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-05-01T00:00:00Z") }) });
});

const good: OrderRequest = { commonName: "shop.example.com", product: "SSL_STARTER" };

const BAD_IONOS_ORDERS: [string, string, () => unknown][] = [
  ["no request at all", "request", () => null],
  ["a request that is a string", "request", () => "shop.example.com"],
  ["no common name", "commonName", () => ({ ...good, commonName: undefined })],
  ["an empty common name", "commonName", () => ({ ...good, commonName: "" })],
  ["a numeric common name", "commonName", () => ({ ...good, commonName: 42 })],
  ["a common name with spaces around", "commonName", () => ({ ...good, commonName: " shop.example.com" })],
  ["a single label", "commonName", () => ({ ...good, commonName: "localhost" })],
  ["a leading hyphen", "commonName", () => ({ ...good, commonName: "-shop.example.com" })],
  ["a trailing hyphen", "commonName", () => ({ ...good, commonName: "shop-.example.com" })],
  ["an underscore", "commonName", () => ({ ...good, commonName: "sh_op.example.com" })],
  ["an empty label", "commonName", () => ({ ...good, commonName: "shop..example.com" })],
  ["a label over 63 characters", "commonName", () => ({ ...good, commonName: `${"a".repeat(64)}.example.com` })],
  [
    "a name over 253 characters",
    "commonName",
    () => ({ ...good, commonName: `${`${"a".repeat(60)}.`.repeat(4)}example.com` }),
  ],
  ["a wildcard in the middle", "commonName", () => ({ ...good, commonName: "www.*.example.com" })],
  ["two wildcards", "commonName", () => ({ ...good, commonName: "*.*.example.com" })],
  ["a partial wildcard label", "commonName", () => ({ ...good, commonName: "w*.example.com" })],
  ["a scheme", "commonName", () => ({ ...good, commonName: "https://shop.example.com" })],
  ["a port", "commonName", () => ({ ...good, commonName: "shop.example.com:443" })],
  ["a path", "commonName", () => ({ ...good, commonName: "shop.example.com/cart" })],
  ["an email address", "commonName", () => ({ ...good, commonName: "admin@example.com" })],
  ["an IPv4 address", "commonName", () => ({ ...good, commonName: "192.0.2.10" })],
  ["an IPv6 address", "commonName", () => ({ ...good, commonName: "[2001:db8::1]" })],
  ["an all-numeric top-level label", "commonName", () => ({ ...good, commonName: "shop.example.123" })],
  ["a space inside", "commonName", () => ({ ...good, commonName: "sh op.example.com" })],
  ["altNames that are not a list", "altNames", () => ({ ...good, altNames: "www.example.com" })],
  ["an alt name that is not a string", "altNames[0]", () => ({ ...good, altNames: [42] })],
  ["a bad second alt name", "altNames[1]", () => ({ ...good, altNames: ["shop.example.com", "bad..example.com"] })],
  ["a percent-encoded alt name", "altNames[0]", () => ({ ...good, altNames: ["%65xample.com"] })],
  ["a common name ending in NUL", "commonName", () => ({ ...good, commonName: "shop.example.com\u0000" })],
  ["more names than SSL_STARTER takes", "altNames", () => ({ ...good, altNames: ["www.example.com"] })],
  ["a wildcard on SSL_STARTER", "commonName", () => ({ ...good, commonName: "*.example.com" })],
  ["a plain name on SSL_STARTER_WILDCARD", "commonName", () => ({ ...good, product: "SSL_STARTER_WILDCARD" })],
  ["a product IONOS does not sell", "product", () => ({ ...good, product: "SSL_GOLD" })],
  ["an empty product", "product", () => ({ ...good, product: "" })],
  ["a validation method nobody offers", "validationMethod", () => ({ ...good, validationMethod: "smtp" })],
  ["zero years", "years", () => ({ ...good, years: 0 })],
  ["half a year", "years", () => ({ ...good, years: 1.5 })],
  ["years as text", "years", () => ({ ...good, years: "1" })],
  ["more years than the product is sold for", "years", () => ({ ...good, years: 3 })],
  ["an approver with DNS validation", "approverEmail", () => ({ ...good, approverEmail: "admin@example.com" })],
  [
    "an approver that is not an address",
    "approverEmail",
    () => ({ ...good, validationMethod: "email", approverEmail: "admin" }),
  ],
  ["an empty client reference", "clientReference", () => ({ ...good, clientReference: "" })],
  ["a CSR that is not PEM", "csr", () => ({ ...good, csr: "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" })],
  [
    "a CSR that does not parse",
    "csr",
    () => ({ ...good, csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n" }),
  ],
  ["a CSR for another name", "csr", () => ({ ...good, csr: csrs.other })],
  ["a CSR with a 1024-bit RSA key", "csr", () => ({ ...good, csr: csrs.weak })],
  ["a CSR on the P-521 curve", "csr", () => ({ ...good, csr: csrs.ec521 })],
  ["a CSR whose signature was tampered with", "csr", () => ({ ...good, csr: tamper(csrs.shop) })],
  ["a CSR that is a number", "csr", () => ({ ...good, csr: 7 })],
];

/** The CSR with one character of its signature changed: it still parses, but no longer verifies. */
function tamper(pem: string): string {
  const lines = pem.trim().split("\n");
  const last = lines.length - 2;
  const line = lines[last]!;
  lines[last] = `${line.slice(0, 2)}${line[2] === "A" ? "B" : "A"}${line.slice(3)}`;
  return `${lines.join("\n")}\n`;
}

describe("order() checks its input before any request", () => {
  it(`rejects ${BAD_IONOS_ORDERS.length} bad IONOS orders, each as INVALID_INPUT naming the field, sending nothing`, async () => {
    expect(BAD_IONOS_ORDERS.length).toBeGreaterThanOrEqual(40);
    const client = createCertificateClient(ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), fetch: countingFetch }));
    for (const [what, field, request] of BAD_IONOS_ORDERS) {
      const failure = await client.order(request() as OrderRequest).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure, what).toMatchObject({
        code: "INVALID_INPUT",
        provider: "ionos-ssl",
        fieldErrors: { [field]: [expect.any(String)] },
      });
      expect((failure as Error).message, what).toMatch(new RegExp(`^order: ${field.replace(/[[\]]/g, "\\$&")} `));
    }
    expect(requests).toBe(0);
  });

  it("sends a good order, with unicode names in punycode and repeats dropped", async () => {
    const client = createCertificateClient(ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), fetch: countingFetch }));
    const order = await client.order({
      commonName: "BÜCHER.example.com",
      altNames: ["bücher.example.com"],
      product: "SSL_STARTER",
    });
    expect(order).toMatchObject({ commonName: "xn--bcher-kva.example.com", status: "awaiting_validation" });
    expect(requests).toBeGreaterThan(0);
  });

  it("refuses a CSR where the provider makes the key itself (DNSimple), sending nothing", async () => {
    const client = createCertificateClient(dnsimple({ ...sandbox.clientOptions("dnsimple"), fetch: countingFetch }));
    await expect(client.order({ commonName: "www.example.com", csr: csrs.shop })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: ["is not taken: dnsimple makes the key itself"] },
    });
    expect(requests).toBe(0);
  });
});
