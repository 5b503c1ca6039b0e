// The SSLmarket README example against the sandbox: it reads a CSR from disk, publishes the DNS record the order asks
// for, and writes the fullchain it downloads.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCsr } from "@certkit/sandbox";
import { verifyFullchain } from "./verify-fullchain.mjs";

/** @type {import("../sandbox-examples.mjs").SandboxExample} */
export const example = {
  title: "SSLmarket: order, validate by DNS, download (packages/sslmarket/README.md)",
  // Issuance takes a second of real time once the TXT records are found, so the example's polling is seen doing its work.
  sandboxOptions: { sslmarket: { issuanceDelayMs: 1000 } },
  async prepare(dir, server) {
    const { csr, privateKey } = await generateCsr({
      commonName: "shop.example.com",
      altNames: ["www.shop.example.com"],
    });
    await writeFile(join(dir, "shop.example.com.csr"), csr);
    await writeFile(join(dir, "shop.example.com.key"), privateKey, { mode: 0o600 });
    const { token, baseUrl } = server.clientOptions("sslmarket");
    return { SSLMARKET_TOKEN: token, SSLMARKET_BASE_URL: baseUrl, SSLMARKET_POLL_MS: "250" };
  },
  async verify(dir, sandbox) {
    return verifyFullchain(
      sandbox,
      await readFile(join(dir, "shop.example.com.fullchain.pem"), "utf8"),
      "shop.example.com",
    );
  },
};
