import { inspect } from "node:util";
import { generateCsr, SandboxClock, setupSandbox, type MswSandbox } from "@certkit/sandbox";
import { useMswServer } from "@certkit/test-kit";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ionosSsl } from "../src/providers/ionos-ssl/index.js";
import { resello } from "../src/providers/resello/index.js";
import { createCertificateClient, type CertkitError } from "../src/index.js";

// A CSR input is one certificate request and nothing else: keys stay home, and what is sent is the request
// re-encoded, never the text given. Requests and their bodies are recorded at the network.

const { server } = useMswServer();

let sandbox: MswSandbox;
let sent: { method: string; path: string; body: string }[];
beforeEach(async () => {
  sandbox = await setupSandbox(server, { clock: new SandboxClock({ frozenAt: new Date("2026-06-01T09:00:00Z") }) });
  sent = [];
});
const recording = async (request: Request) => {
  sent.push({ method: request.method, path: new URL(request.url).pathname, body: await request.clone().text() });
  return globalThis.fetch(request);
};
const ionosCerts = () => createCertificateClient(ionosSsl({ ...sandbox.clientOptions("ionos-ssl"), fetch: recording }));
const reselloCerts = () => createCertificateClient(resello({ ...sandbox.adapterOptions("resello"), fetch: recording }));

let rsa: { csr: string; privateKey: string };
let ec: { csr: string; privateKey: string };
beforeAll(async () => {
  rsa = await generateCsr({ commonName: "shop.example.com", keyType: "rsa-2048" });
  ec = await generateCsr({ commonName: "shop.example.com", altNames: ["www.shop.example.com"], keyType: "ec-p256" });
});

/** The Base64 body of a PEM block, one line. */
const body = (pem: string) => pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
/** The same key material under another armour, as other tools write keys. */
const relabel = (pem: string, label: string) =>
  `-----BEGIN ${label}-----\n${body(pem)
    .match(/.{1,64}/g)!
    .join("\n")}\n-----END ${label}-----\n`;

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as CertkitError,
  );

describe("a CSR with a private key in it is refused, and the key goes nowhere", () => {
  const keyArmours = [
    "PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
    "OPENSSH PRIVATE KEY",
    "DSA PRIVATE KEY",
  ];
  const inputs: [string, () => string][] = [
    ...keyArmours.map((armour): [string, () => string] => [
      `the CSR then a ${armour} (cat request.csr key.pem)`,
      () => `${rsa.csr}\n${relabel(rsa.privateKey, armour)}`,
    ]),
    ["the key first, then the CSR", () => `${rsa.privateKey}\n${rsa.csr}`],
    ["the key alone", () => rsa.privateKey],
    ["a key armour in lower case", () => `${rsa.csr}\n${relabel(rsa.privateKey, "private key").toLowerCase()}`],
    ["a key without its END line", () => `${rsa.csr}\n${rsa.privateKey.split("\n").slice(0, 3).join("\n")}`],
  ];

  it.each(inputs)(
    "%s: INVALID_INPUT saying to remove the key, no request, no key material anywhere in the error",
    async (_what, input) => {
      const error = await failureOf(
        ionosCerts().order({ commonName: "shop.example.com", product: "SSL_STARTER", csr: input() }),
      );
      expect(error).toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { csr: [expect.stringContaining("holds a private key: remove the PRIVATE KEY block")] },
      });
      expect(sent).toEqual([]);
      const key = body(rsa.privateKey);
      for (const rendering of [error!.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
        for (let at = 0; at + 16 <= key.length; at += 16) expect(rendering).not.toContain(key.slice(at, at + 16));
      }
    },
  );

  it("refuses a key given with a renewal's or a reissue's CSR the same way, before any request", async () => {
    const certs = reselloCerts();
    for (const replace of [certs.renew, certs.reissue]) {
      const error = await failureOf(replace("any-id", { csr: `${ec.csr}${ec.privateKey}` }));
      expect(error).toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { csr: [expect.stringContaining("holds a private key")] },
      });
    }
    expect(sent).toEqual([]);
  });
});

describe("a CSR input is exactly one certificate request", () => {
  const refused: [string, () => string, string][] = [
    ["two requests", () => `${rsa.csr}\n${rsa.csr}`, "holds 2 certificate requests"],
    [
      "a request and a certificate",
      () => `${rsa.csr}\n${relabel(rsa.csr, "CERTIFICATE")}`,
      "holds a CERTIFICATE block",
    ],
    ["text after the block", () => `${rsa.csr}\nSubject: CN=shop.example.com`, "holds text after its PEM block"],
    ["text before the block", () => `Certificate Request:\n${rsa.csr}`, "must be a PEM certificate signing request"],
    ["a block without its END line", () => rsa.csr.replace(/-----END[^\n]*\n?$/, ""), "without its END line"],
    [
      "mismatched BEGIN and END",
      () => rsa.csr.replace("END CERTIFICATE REQUEST", "END NEW CERTIFICATE REQUEST"),
      "begins as CERTIFICATE REQUEST and ends as NEW CERTIFICATE REQUEST",
    ],
    ["bad Base64", () => rsa.csr.replace(/\n[A-Za-z0-9+/]{8}/, "\n!!!!!!!!"), "is not valid Base64"],
    [
      "bytes after the request's DER (a key could ride there)",
      () =>
        relabel(
          Buffer.concat([Buffer.from(body(rsa.csr), "base64"), Buffer.from(body(rsa.privateKey), "base64")]).toString(
            "base64",
          ),
          "CERTIFICATE REQUEST",
        ),
      "bytes after its certificate request",
    ],
    ["the DER cut short", () => relabel(body(rsa.csr).slice(0, 400), "CERTIFICATE REQUEST"), "does not parse"],
    ["a megabyte of input", () => `${rsa.csr}${" ".repeat(1024 * 1024)}`, "is longer than any CSR"],
  ];

  it.each(refused)("refuses %s before any request", async (_what, input, problem) => {
    const error = await failureOf(
      ionosCerts().order({ commonName: "shop.example.com", product: "SSL_STARTER", csr: input() }),
    );
    expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { csr: [expect.stringContaining(problem)] } });
    expect(sent).toEqual([]);
  });

  it("takes the NEW CERTIFICATE REQUEST armour, white space and CRLF around it, and sends only the request, re-encoded", async () => {
    const messy = `\r\n  ${relabel(rsa.csr, "NEW CERTIFICATE REQUEST").replace(/\n/g, "\r\n  ")}\r\n\r\n`;
    const order = await ionosCerts().order({ commonName: "shop.example.com", product: "SSL_STARTER", csr: messy });
    expect(order.status).toBe("awaiting_validation");
    const purchase = sent.find((request) => request.method === "POST")!;
    const { csr } = JSON.parse(purchase.body) as { csr: string };
    expect(csr).toBe(relabel(rsa.csr, "CERTIFICATE REQUEST"));
    expect(purchase.body).not.toContain("NEW CERTIFICATE REQUEST");
  });
});

describe("a CSR names exactly the order's names", () => {
  it("refuses a CSR naming more names than any certificate holds, before reading them", async () => {
    const names = Array.from({ length: 1_000 }, (_, index) => `host-${index}.example.com`);
    const { csr } = await generateCsr({ commonName: "shop.example.com", altNames: names, keyType: "ec-p256" });
    await expect(reselloCerts().order({ commonName: "shop.example.com", csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: ["names 1002 names: a certificate holds at most 1000"] },
    });
    expect(sent).toEqual([]);
  });

  it("refuses a CSR naming more names than the order, and one naming fewer, before any request", async () => {
    const certs = reselloCerts();
    await expect(certs.order({ commonName: "shop.example.com", csr: ec.csr })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        csr: ["names www.shop.example.com, which the order does not: its names must be exactly the order's"],
      },
    });
    await expect(
      certs.order({
        commonName: "shop.example.com",
        altNames: ["www.shop.example.com", "api.shop.example.com"],
        csr: ec.csr,
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { csr: [expect.stringMatching(/^does not name api\.shop\.example\.com, which the order names/)] },
    });
    expect(sent).toEqual([]);
    const ordered = await certs.order({
      commonName: "shop.example.com",
      altNames: ["WWW.shop.example.com"],
      csr: ec.csr,
    });
    expect(ordered.altNames).toEqual(["www.shop.example.com"]);
  });
});
