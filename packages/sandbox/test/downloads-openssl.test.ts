import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDnsimpleClient } from "@certkit/dnsimple";
import { createDnsimpleV1Client } from "@certkit/dnsimple-v1";
import { createIonosSslClient } from "@certkit/ionos-ssl";
import { createReselloClient, unwrapResello } from "@certkit/resello";
import { createSslmarketClient } from "@certkit/sslmarket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../src/index.js";
import { startSandboxServer, type SandboxServer } from "../src/node.js";

// What each provider serves for its seeded issued certificate, checked by openssl itself, as a customer's server or
// deploy script would read it. The sandbox clock follows the system time here, so openssl checks validity at "now".
let sandbox: Sandbox;
let server: SandboxServer;
const work = mkdtempSync(join(tmpdir(), "certkit-openssl-"));

beforeAll(async () => {
  const version = spawnSync("openssl", ["version"], { encoding: "utf8" });
  if (version.status !== 0) throw new Error("these tests need the openssl command on PATH");
  sandbox = await createSandbox({ seed: true });
  server = await startSandboxServer(sandbox);
}, 30_000);
afterAll(() => server.close());

function openssl(args: string[], input?: Uint8Array | string): string {
  const run = spawnSync("openssl", args, { input, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`openssl ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

/** `openssl verify` of a leaf against the sandbox root, with the intermediates given as untrusted. */
function verify(name: string, leaf: string, intermediates: string): string {
  const root = file(`${name}-root.pem`, sandbox.ca.rootCertificate);
  const chain = file(`${name}-chain.pem`, intermediates);
  return openssl(["verify", "-CAfile", root, "-untrusted", chain, file(`${name}-leaf.pem`, leaf)]).trim();
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g;
const blocks = (pem: string) => pem.match(PEM_BLOCK) ?? [];

// openssl runs as a child process several times per test.
describe("downloads parse and verify with openssl", { timeout: 30_000 }, () => {
  it("IONOS SSL: certificate and caCertificates of an ACTIVE certificate", async () => {
    const ionos = createIonosSslClient(server.clientOptions("ionos-ssl"));
    const active = (await ionos.GET("/v1/certificates")).data!.certificates!.find(
      (certificate) => certificate.status === "ACTIVE",
    )!;
    expect(openssl(["x509", "-noout", "-subject"], active.certificate)).toMatch(/CN ?= ?shop\.example\.com/);
    const intermediate = active.caCertificates!.find((ca) => ca.type === "INTERMEDIATE")!.certificate!;
    expect(verify("ionos", active.certificate!, intermediate)).toMatch(/: OK$/);
  });

  it("DNSimple v2: server, chain and private key of an issued certificate", async () => {
    const dnsimple = createDnsimpleClient(server.clientOptions("dnsimple"));
    const account = sandbox.simulators.dnsimple.accountId;
    const path = { account, domain: "example.com" };
    const listed = (await dnsimple.GET("/{account}/domains/{domain}/certificates", { params: { path } })).data!.data;
    const issued = listed.find((certificate) => certificate.state === "issued")!;
    const where = { params: { path: { ...path, certificate: issued.id } } };
    const download = (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/download", where))
      .data!.data;
    expect(verify("dnsimple", download.server, download.chain.join("\n"))).toMatch(/: OK$/);
    const key = (await dnsimple.GET("/{account}/domains/{domain}/certificates/{certificate}/private_key", where)).data!
      .data.private_key;
    // The key is the certificate's: their public keys are the same.
    expect(openssl(["pkey", "-pubout"], key)).toBe(openssl(["x509", "-noout", "-pubkey"], download.server));
  });

  it("DNSimple v1: ssl_certificate (leaf then intermediate) and the private key DNSimple made", async () => {
    const v1 = createDnsimpleV1Client(server.clientOptions("dnsimple-v1"));
    const listed = (await v1.GET("/domains/{domain}/certificates", { params: { path: { domain: "example.com" } } }))
      .data!;
    const issued = listed.map(({ certificate }) => certificate).find((certificate) => certificate.state === "issued")!;
    const [leaf, ...chain] = blocks(issued.ssl_certificate!);
    expect(chain).toHaveLength(1);
    expect(verify("dnsimple-v1", leaf!, chain.join(""))).toMatch(/: OK$/);
    expect(openssl(["pkey", "-pubout"], issued.private_key!)).toBe(openssl(["x509", "-noout", "-pubkey"], leaf));
  });

  it("SSLmarket: pem_server, pem_intermediate and the binary p7b of a published order", async () => {
    const sslmarket = createSslmarketClient(server.clientOptions("sslmarket"));
    const orders = (await sslmarket.GET("/order/list")).data!.orders;
    const published = orders.find((order) => order.state === "published")!;
    const download = <F extends "pem_server" | "pem_intermediate">(format: F) =>
      sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
        params: { path: { order_id: published.order_id, format } },
        parseAs: "text",
      });
    const leaf = (await download("pem_server")).data!;
    const [first, intermediate] = blocks((await download("pem_intermediate")).data!);
    expect(first).toBe(leaf.endsWith("\n") ? leaf : `${leaf}\n`);
    expect(verify("sslmarket", leaf, intermediate!)).toMatch(/: OK$/);

    const p7b = await sslmarket.GET("/certificate/order_id/{order_id}/format/{format}", {
      params: { path: { order_id: published.order_id, format: "p7b" } },
      parseAs: "arrayBuffer",
    });
    const printed = openssl([
      "pkcs7",
      "-inform",
      "DER",
      "-print_certs",
      "-in",
      file("sslmarket.p7b", new Uint8Array(p7b.data!)),
    ]);
    expect(blocks(printed).map((block) => block.trim())).toEqual([
      leaf.trim(),
      intermediate!.trim(),
      sandbox.ca.rootCertificate.trim(),
    ]);
  });

  it("Resello: crt, ca, the binary pkcs7 and the zip of an active certificate", async () => {
    const resello = createReselloClient(server.clientOptions("resello"));
    const listed = unwrapResello((await resello.GET("/ssl-certificate")).data!);
    const active = listed.find((certificate) => certificate.status === "active")!;
    const byId = { params: { path: { id: active.id! } }, parseAs: "arrayBuffer" } as const;
    const bytes = async (format: "crt" | "ca" | "pkcs7" | "zip") =>
      new Uint8Array((await resello.GET(`/ssl-certificate/{id}/download-${format}`, byId)).data!);
    const leaf = new TextDecoder().decode(await bytes("crt"));
    const [intermediate, root] = blocks(new TextDecoder().decode(await bytes("ca")));
    expect(root?.trim()).toBe(sandbox.ca.rootCertificate.trim());
    expect(verify("resello", leaf, intermediate!)).toMatch(/: OK$/);

    const printed = openssl([
      "pkcs7",
      "-inform",
      "DER",
      "-print_certs",
      "-in",
      file("resello.p7b", await bytes("pkcs7")),
    ]);
    expect(blocks(printed).map((block) => block.trim())).toEqual([leaf.trim(), intermediate!.trim(), root!.trim()]);

    const archive = file("resello.zip", await bytes("zip"));
    const crtInZip = spawnSync("unzip", ["-p", archive, "*.crt"], { encoding: "utf8" });
    expect(crtInZip.status).toBe(0);
    expect(openssl(["x509", "-noout", "-fingerprint", "-sha256"], crtInZip.stdout)).toBe(
      openssl(["x509", "-noout", "-fingerprint", "-sha256"], leaf),
    );
  });
});
