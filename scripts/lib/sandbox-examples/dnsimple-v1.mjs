// The DNSimple v1 README example against the sandbox: it buys a certificate with a CSR read from disk, submits it to
// the CA with an approver address, approves the CA's email, polls until it is issued and writes the fullchain.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCsr } from "@certkit/sandbox";
import { verifyFullchain } from "./verify-fullchain.mjs";

/** @type {import("../sandbox-examples.mjs").SandboxExample} */
export const example = {
  title:
    "DNSimple v1: purchase, configure, submit, approve by email, read the certificate (packages/dnsimple-v1/README.md)",
  // Issuance takes a second of real time once the email is approved, so the example's polling is seen doing its work.
  // The account's one contact gets the id a real account's might have; the example reads it from the environment.
  sandboxOptions: { "dnsimple-v1": { issuanceDelayMs: 1000, contactId: 1001 } },
  async prepare(dir, server) {
    const { csr, privateKey } = await generateCsr({ commonName: "www.example.com" });
    await writeFile(join(dir, "www.example.com.csr"), csr);
    await writeFile(join(dir, "www.example.com.key"), privateKey, { mode: 0o600 });
    const { email, token, baseUrl } = server.clientOptions("dnsimple-v1");
    return {
      DNSIMPLE_V1_EMAIL: email,
      DNSIMPLE_V1_TOKEN: token,
      DNSIMPLE_V1_BASE_URL: baseUrl,
      DNSIMPLE_V1_DOMAIN: "example.com",
      DNSIMPLE_V1_CONTACT_ID: "1001",
      DNSIMPLE_V1_CSR_FILE: "www.example.com.csr",
      DNSIMPLE_V1_POLL_MS: "250",
    };
  },
  async verify(dir, sandbox) {
    return verifyFullchain(
      sandbox,
      await readFile(join(dir, "www.example.com.fullchain.pem"), "utf8"),
      "www.example.com",
    );
  },
};
