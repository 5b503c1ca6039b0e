import { generateCsr, parseCsr, SandboxCa, toPkcs7, type IssuedCertificate } from "@certkit/sandbox";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleBundle } from "../src/bundle/assemble-bundle.js";
import { pemCertificatesIn } from "../src/bundle/pem-certificates.js";
import { certificatesOfPkcs7Download, pemCertificatesFromPkcs7 } from "../src/bundle/pkcs7-certificates.js";

/** PEM as the facade gives it: the block and one newline. */
const pem = (text: string) => `${text.trim()}\n`;

let ca: SandboxCa;
let issued: IssuedCertificate;

beforeAll(async () => {
  ca = await SandboxCa.create(new Date("2025-01-01T00:00:00Z"));
  const { csr } = await generateCsr({ commonName: "shop.example.com" });
  const parsed = await parseCsr(csr);
  if ("problem" in parsed) throw new Error(parsed.problem);
  issued = await ca.issue({
    commonName: "shop.example.com",
    altNames: [],
    publicKey: parsed.publicKey,
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validDays: 90,
  });
});

describe("assembleBundle", () => {
  it("orders leaf → intermediate → root whatever order the provider sent them in", async () => {
    for (const order of [
      [issued.root, issued.certificate, issued.intermediate],
      [issued.intermediate, issued.root, issued.certificate],
      [issued.certificate, issued.intermediate, issued.root],
    ]) {
      const bundle = await assembleBundle({ certificates: order }, "ionos-ssl");
      expect(bundle).toEqual({
        certificate: pem(issued.certificate),
        chain: [pem(issued.intermediate)],
        root: pem(issued.root),
      });
    }
  });

  it("leaves the root out when the provider did not send it, keeps a private key, and drops repeats", async () => {
    const bundle = await assembleBundle(
      { certificates: [issued.intermediate, issued.certificate, issued.certificate], privateKey: "KEY" },
      "resello",
    );
    expect(bundle).toEqual({
      certificate: pem(issued.certificate),
      chain: [pem(issued.intermediate)],
      privateKey: "KEY",
    });
  });

  it.each([
    ["nothing", () => [], /0 certificates with 0 leaves/],
    ["a chain with a gap", () => [issued.certificate, issued.root], /not part of the leaf's chain/],
    [
      "text that is not a certificate",
      () => ["-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
      /does not parse as X\.509/,
    ],
  ])("refuses %s as the provider's error", async (_what, certificates, message) => {
    await expect(assembleBundle({ certificates: certificates() }, "sslmarket")).rejects.toMatchObject({
      code: "PROVIDER",
      provider: "sslmarket",
      message: expect.stringMatching(message),
    });
  });

  it("refuses two leaves", async () => {
    const other = await ca.issue({
      commonName: "other.example.com",
      altNames: [],
      publicKey: (await ca.generateKey()).publicKey,
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validDays: 90,
    });
    await expect(
      assembleBundle({ certificates: [issued.certificate, other.certificate, issued.intermediate] }, "ionos-ssl"),
    ).rejects.toMatchObject({
      code: "PROVIDER",
      message: "ionos-ssl sent 3 certificates with 2 leaves: expected one leaf and its chain",
    });
  });

  it("refuses a leaf whose issuer's name matches but whose signature does not", async () => {
    const impostor = await SandboxCa.create(new Date("2025-01-01T00:00:00Z"));
    const { csr } = await generateCsr({ commonName: "shop.example.com" });
    const parsed = await parseCsr(csr);
    if ("problem" in parsed) throw new Error(parsed.problem);
    const forged = await impostor.issue({
      commonName: "shop.example.com",
      altNames: [],
      publicKey: parsed.publicKey,
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validDays: 90,
    });
    await expect(
      assembleBundle({ certificates: [forged.certificate, issued.intermediate, issued.root] }, "dnsimple"),
    ).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringMatching(
        /does not verify: CN=shop\.example\.com is not signed by CN=certkit Sandbox Issuing CA/,
      ),
    });
  });
});

describe("reading what providers send", () => {
  it("finds PEM certificates in text, and in PKCS#7 as DER, as PEM, or as plain PEM certificates", () => {
    const pems = [issued.certificate, issued.intermediate, issued.root].map(pem);
    expect(pemCertificatesIn(`junk\n${pems.join("\n")}\nmore junk`)).toEqual(pems);
    expect(pemCertificatesFromPkcs7(toPkcs7(pems, "der"))).toEqual(pems);
    expect(pemCertificatesFromPkcs7(toPkcs7(pems, "pem"))).toEqual(pems);
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(certificatesOfPkcs7Download(new Uint8Array(toPkcs7(pems, "der")))).toEqual(pems);
    expect(certificatesOfPkcs7Download(bytes(toPkcs7(pems, "pem")))).toEqual(pems);
    expect(certificatesOfPkcs7Download(bytes(pems.join("")))).toEqual(pems);
  });

  it("reads a text of many unfinished PEM blocks in linear time", () => {
    const hostile = `${"-----BEGIN CERTIFICATE-----AAAA".repeat(50_000)}`;
    expect(pemCertificatesIn(hostile)).toEqual([]);
  });
});
