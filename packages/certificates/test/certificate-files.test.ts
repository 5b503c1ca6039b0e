import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCertificateFiles } from "../src/files/certificate-files.js";

const folder = () => mkdtempSync(join(tmpdir(), "certkit-cert-files-"));
const block = (label: string) => `-----BEGIN CERTIFICATE-----\n${label}\n-----END CERTIFICATE-----`;
const keyBlock = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----";

describe("writeCertificateFiles", () => {
  it("writes cert, chain, fullchain and key as certbot lays them out, each block ending with one newline", async () => {
    const dir = join(folder(), "www.example.test");
    const written = await writeCertificateFiles(
      dir,
      { certificate: `${block("LEAF")}\n\n`, chain: [block("INT1"), `${block("INT2")}\r\n`], privateKey: keyBlock },
      { replace: false },
    );
    expect(written).toEqual(["cert.pem", "chain.pem", "fullchain.pem", "privkey.pem"].map((name) => join(dir, name)));
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    expect(read("cert.pem")).toBe(`${block("LEAF")}\n`);
    expect(read("chain.pem")).toBe(`${block("INT1")}\n${block("INT2")}\n`);
    expect(read("fullchain.pem")).toBe(`${block("LEAF")}\n${block("INT1")}\n${block("INT2")}\n`);
    expect(read("privkey.pem")).toBe(`${keyBlock}\n`);
    expect(statSync(join(dir, "privkey.pem")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "cert.pem")).mode & 0o777).toBe(0o644);
  });

  it("refuses to replace a certificate's files unless asked, naming them, and writes nothing then", async () => {
    const dir = folder();
    writeFileSync(join(dir, "fullchain.pem"), "OLD");
    const refused = writeCertificateFiles(dir, { certificate: block("LEAF"), chain: [] }, { replace: false });
    await expect(refused).rejects.toMatchObject({
      name: "FileSetError",
      problem: "exists",
      paths: [join(dir, "fullchain.pem")],
    });
    expect(readdirSync(dir)).toEqual(["fullchain.pem"]);
    expect(readFileSync(join(dir, "fullchain.pem"), "utf8")).toBe("OLD");
  });

  it("replacing, leaves no old chain beside a certificate that has none, and no key file without a key", async () => {
    const dir = folder();
    await writeCertificateFiles(dir, { certificate: block("OLD"), chain: [block("OLD INT")] }, { replace: false });
    await writeCertificateFiles(dir, { certificate: block("NEW"), chain: [], privateKey: null }, { replace: true });
    expect(readdirSync(dir).sort()).toEqual(["cert.pem", "chain.pem", "fullchain.pem"]);
    expect(readFileSync(join(dir, "chain.pem"), "utf8")).toBe("");
    expect(readFileSync(join(dir, "fullchain.pem"), "utf8")).toBe(`${block("NEW")}\n`);
  });

  it("gives the files the modes asked for, whatever the modes of the files they replace", async () => {
    const dir = folder();
    writeFileSync(join(dir, "privkey.pem"), "OLD KEY", { mode: 0o644 });
    await writeCertificateFiles(
      dir,
      { certificate: block("LEAF"), chain: [], privateKey: keyBlock },
      { replace: true, certificateMode: 0o640, keyMode: 0o400 },
    );
    expect(statSync(join(dir, "privkey.pem")).mode & 0o777).toBe(0o400);
    expect(statSync(join(dir, "cert.pem")).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, "privkey.pem"), "utf8")).toBe(`${keyBlock}\n`);
  });
});
