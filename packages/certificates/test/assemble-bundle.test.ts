import { createPrivateKey, generateKeyPairSync } from "node:crypto";
// @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { generateCsr, parseCsr, SandboxCa, toPkcs7, type CsrKeyType, type IssuedCertificate } from "@certkit/sandbox";
import { beforeAll, describe, expect, it } from "vitest";
import { assembleBundle } from "../src/bundle/assemble-bundle.js";
import { pemCertificatesIn } from "../src/bundle/pem-certificates.js";
import { certificatesOfPkcs7Download, pemCertificatesFromPkcs7 } from "../src/bundle/pkcs7-certificates.js";

/** PEM as the facade gives it: the block and one newline. */
const pem = (text: string) => `${text.trim()}\n`;

let ca: SandboxCa;
let issued: IssuedCertificate;
/** The names `issued` was ordered for. */
const NAMES = ["shop.example.com"];
/** The PKCS#8 key of `issued`. */
let issuedKey: string;

/** A certificate of `ca` for a fresh key of `keyType`, and that key. */
async function issueWithKey(keyType: CsrKeyType): Promise<{ issued: IssuedCertificate; privateKey: string }> {
  const { csr, privateKey } = await generateCsr({ commonName: "shop.example.com", keyType });
  const parsed = await parseCsr(csr);
  if ("problem" in parsed) throw new Error(parsed.problem);
  const certificate = await ca.issue({
    commonName: "shop.example.com",
    altNames: [],
    publicKey: parsed.publicKey,
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validDays: 90,
  });
  return { issued: certificate, privateKey };
}

beforeAll(async () => {
  ca = await SandboxCa.create(new Date("2025-01-01T00:00:00Z"));
  ({ issued, privateKey: issuedKey } = await issueWithKey("rsa-2048"));
});

describe("assembleBundle", () => {
  it("orders leaf → intermediate → root whatever order the provider sent them in", async () => {
    for (const order of [
      [issued.root, issued.certificate, issued.intermediate],
      [issued.intermediate, issued.root, issued.certificate],
      [issued.certificate, issued.intermediate, issued.root],
    ]) {
      const bundle = await assembleBundle({ certificates: order }, "ionos-ssl", NAMES);
      expect(bundle).toEqual({
        certificate: pem(issued.certificate),
        chain: [pem(issued.intermediate)],
        root: pem(issued.root),
      });
    }
  });

  it("leaves the root out when the provider did not send it, keeps the leaf's private key, and drops repeats", async () => {
    const bundle = await assembleBundle(
      { certificates: [issued.intermediate, issued.certificate, issued.certificate], privateKey: issuedKey },
      "resello",
      NAMES,
    );
    expect(bundle).toEqual({
      certificate: pem(issued.certificate),
      chain: [pem(issued.intermediate)],
      privateKey: issuedKey,
    });
  });

  it.each([
    ["an RSA key as PKCS#1", "rsa-2048", "pkcs1"],
    ["an EC key (P-256) as SEC1", "ec-p256", "sec1"],
    ["an EC key (P-384) as PKCS#8", "ec-p384", "pkcs8"],
  ] as const)("keeps %s, as the provider sent it, when it is the leaf's", async (_what, keyType, form) => {
    const { issued: leaf, privateKey } = await issueWithKey(keyType);
    const sent = createPrivateKey(privateKey).export({ type: form, format: "pem" }).toString();
    const bundle = await assembleBundle(
      { certificates: [leaf.certificate, leaf.intermediate], privateKey: sent },
      "dnsimple",
      NAMES,
    );
    expect(bundle.privateKey).toBe(sent);
  });

  it("keeps an EC key sent after its curve's EC PARAMETERS block, as `openssl ecparam -genkey` writes it", async () => {
    const { issued: leaf, privateKey } = await issueWithKey("ec-p256");
    const sec1 = createPrivateKey(privateKey).export({ type: "sec1", format: "pem" }).toString();
    const sent = `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${sec1}`;
    const bundle = await assembleBundle(
      { certificates: [leaf.certificate, leaf.intermediate], privateKey: sent },
      "dnsimple",
      NAMES,
    );
    expect(bundle.privateKey).toBe(sent);
  });

  it.each([
    ["an RSA-PSS key", () => generateKeyPairSync("rsa-pss", { modulusLength: 2048 })],
    ["an EC key on secp256k1", () => generateKeyPairSync("ec", { namedCurve: "secp256k1" })],
  ])("keeps %s WebCrypto cannot read, for a leaf of that key, unchecked", async (_what, generate) => {
    const { publicKey, privateKey } = generate();
    const leaf = await ca.issue({
      commonName: "shop.example.com",
      altNames: [],
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validDays: 90,
    });
    const sent = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const bundle = await assembleBundle(
      { certificates: [leaf.certificate, leaf.intermediate], privateKey: sent },
      "dnsimple",
      NAMES,
    );
    expect(bundle.privateKey).toBe(sent);
  });

  it.each([
    [
      "another certificate's RSA key",
      async () => (await issueWithKey("rsa-2048")).privateKey,
      /not the key of its certificate/,
    ],
    [
      "an EC key for an RSA certificate",
      async () => (await issueWithKey("ec-p256")).privateKey,
      /not the key of its certificate/,
    ],
    [
      "another key as PKCS#1",
      async () =>
        createPrivateKey((await issueWithKey("rsa-2048")).privateKey)
          .export({ type: "pkcs1", format: "pem" })
          .toString(),
      /not the key of its certificate/,
    ],
    [
      "a broken key",
      () => Promise.resolve("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
      /not the key of its certificate/,
    ],
    ["text that is no PEM", () => Promise.resolve("KEY"), /not one PEM private key/],
    ["a certificate in place of a key", () => Promise.resolve(issued.intermediate), /not one PEM private key/],
    ["the key twice", () => Promise.resolve(`${issuedKey}\n${issuedKey}`), /not one PEM private key/],
    [
      "an encrypted key",
      () => Promise.resolve(issuedKey.replaceAll("PRIVATE KEY", "ENCRYPTED PRIVATE KEY")),
      /not one PEM private key/,
    ],
  ])("refuses %s as the provider's error, never quoting the key", async (_what, key, message) => {
    const privateKey = await key();
    const failure = await assembleBundle(
      { certificates: [issued.certificate, issued.intermediate], privateKey },
      "dnsimple-v1",
      NAMES,
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: "PROVIDER",
      provider: "dnsimple-v1",
      message: expect.stringMatching(message),
    });
    const keyText = privateKey.split("\n")[1] ?? privateKey;
    expect(JSON.stringify(failure)).not.toContain(keyText.slice(0, 16));
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
    await expect(assembleBundle({ certificates: certificates() }, "sslmarket", NAMES)).rejects.toMatchObject({
      code: "PROVIDER",
      provider: "sslmarket",
      message: expect.stringMatching(message),
    });
  });

  it("takes a leaf that holds every ordered name, in any case, and more names than the order's", async () => {
    const both = await ca.issue({
      commonName: "www.example.com",
      altNames: ["example.com", "*.example.com"],
      publicKey: (await ca.generateKey()).publicKey,
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validDays: 90,
    });
    const certificates = [both.certificate, both.intermediate];
    for (const ordered of [["www.example.com"], ["WWW.Example.com.", "*.example.com"], []])
      await expect(assembleBundle({ certificates }, "resello", ordered)).resolves.toMatchObject({
        chain: [pem(both.intermediate)],
      });
  });

  it("takes a leaf for IP addresses (ZeroSSL issues such), which it holds as IP addresses, not DNS names", async () => {
    const algorithm = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
    const [caKeys, leafKeys] = await Promise.all(
      [1, 2].map(() => crypto.subtle.generateKey(algorithm, false, ["sign", "verify"])),
    );
    const validity = { notBefore: new Date("2026-01-01T00:00:00Z"), notAfter: new Date("2026-04-01T00:00:00Z") };
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      name: "CN=IP Test Root",
      keys: caKeys!,
      signingAlgorithm: algorithm,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
      ...validity,
    });
    const addresses = ["192.0.2.1", "192.0.2.2", "2001:db8::1"];
    const leaf = await x509.X509CertificateGenerator.create({
      subject: "CN=192.0.2.1",
      issuer: root.subject,
      publicKey: leafKeys!.publicKey,
      signingKey: caKeys!.privateKey,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.SubjectAlternativeNameExtension(addresses.map((value) => ({ type: "ip" as const, value }))),
      ],
      ...validity,
    });
    const certificates = [leaf.toString("pem"), root.toString("pem")];
    await expect(
      assembleBundle({ certificates }, "zerossl", ["192.0.2.1", "192.0.2.2", "2001:DB8:0::1"]),
    ).resolves.toMatchObject({ certificate: pem(leaf.toString("pem")) });
    await expect(assembleBundle({ certificates }, "zerossl", ["192.0.2.3"])).rejects.toMatchObject({
      code: "PROVIDER",
      message: expect.stringContaining('"192.0.2.3"'),
    });
  });

  it("refuses a leaf that lacks a name of the order, naming what it lacks", async () => {
    const certificates = [issued.certificate, issued.intermediate];
    await expect(
      assembleBundle({ certificates }, "zerossl", ["shop.example.com", "www.shop.example.com", "*.shop.example.com"]),
    ).rejects.toMatchObject({
      code: "PROVIDER",
      provider: "zerossl",
      message: 'zerossl sent a certificate that lacks names of its order: "www.shop.example.com", "*.shop.example.com"',
    });
    await expect(assembleBundle({ certificates }, "sslmarket", ["other.example.com"])).rejects.toMatchObject({
      message: 'sslmarket sent a certificate that lacks names of its order: "other.example.com"',
    });
  });

  it("names at most five missing names, each quoted and cut at 253 characters", async () => {
    const ordered = Array.from({ length: 7 }, (_, index) => `n${index}.example.com`);
    const failure = (await assembleBundle({ certificates: [issued.certificate, issued.intermediate] }, "resello", [
      ...ordered,
      `\u001b[2J${"a".repeat(5000)}`,
    ]).catch((error: unknown) => error)) as Error;
    expect(failure.message).toMatch(/"n0\.example\.com", .*"n4\.example\.com", and 3 more$/);
    const escaped = (await assembleBundle({ certificates: [issued.certificate] }, "resello", [
      `\u001b[2J${"a".repeat(5000)}`,
    ]).catch((error: unknown) => error)) as Error;
    expect(escaped.message).not.toContain("\u001b");
    expect(escaped.message.length).toBeLessThan(400);
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
      assembleBundle(
        { certificates: [issued.certificate, other.certificate, issued.intermediate] },
        "ionos-ssl",
        NAMES,
      ),
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
      assembleBundle({ certificates: [forged.certificate, issued.intermediate, issued.root] }, "dnsimple", NAMES),
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
