// The IONOS SSL README example against the sandbox: it reads a CSR from disk and writes the fullchain it downloads.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCsr } from "@certkit/sandbox";
import { verifyFullchain } from "./verify-fullchain.mjs";

/** @type {import("../sandbox-examples.mjs").SandboxExample} */
export const example = {
  title: "IONOS SSL: order, validate by DNS, download (packages/ionos-ssl/README.md)",
  // Issuance takes a second of real time, so the example's polling is seen doing its work.
  sandboxOptions: { "ionos-ssl": { issuanceDelayMs: 1000 } },
  async prepare(dir, server) {
    const { csr, privateKey } = await generateCsr({ commonName: "shop.example.com" });
    await writeFile(join(dir, "shop.example.com.csr"), csr);
    await writeFile(join(dir, "shop.example.com.key"), privateKey, { mode: 0o600 });
    const { apiKey, baseUrl } = server.clientOptions("ionos-ssl");
    return { IONOS_API_KEY: apiKey, IONOS_BASE_URL: baseUrl, IONOS_POLL_MS: "250" };
  },
  async verify(dir, sandbox) {
    return verifyFullchain(
      sandbox,
      await readFile(join(dir, "shop.example.com.fullchain.pem"), "utf8"),
      "shop.example.com",
    );
  },
};
