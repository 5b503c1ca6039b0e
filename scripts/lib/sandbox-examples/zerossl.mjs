// The ZeroSSL README example against the sandbox: it reads a CSR from disk, validates by file and writes the
// fullchain it downloads.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCsr } from "@certkit/sandbox";
import { verifyFullchain } from "./verify-fullchain.mjs";

/** @type {import("../sandbox-examples.mjs").SandboxExample} */
export const example = {
  title: "ZeroSSL: create, validate by file, download (packages/zerossl/README.md)",
  // Issuance takes a second of real time, so the example's polling is seen doing its work.
  sandboxOptions: { zerossl: { issuanceDelayMs: 1000 } },
  async prepare(dir, server) {
    const { csr, privateKey } = await generateCsr({ commonName: "shop.example.com" });
    await writeFile(join(dir, "shop.example.com.csr"), csr);
    await writeFile(join(dir, "shop.example.com.key"), privateKey, { mode: 0o600 });
    const { accessKey, baseUrl } = server.clientOptions("zerossl");
    return { ZEROSSL_ACCESS_KEY: accessKey, ZEROSSL_BASE_URL: baseUrl, ZEROSSL_POLL_MS: "250" };
  },
  async verify(dir, sandbox) {
    return verifyFullchain(
      sandbox,
      await readFile(join(dir, "shop.example.com.fullchain.pem"), "utf8"),
      "shop.example.com",
    );
  },
};
