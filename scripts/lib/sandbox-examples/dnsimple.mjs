// The DNSimple (API v2) README example against the sandbox: it purchases a Let's Encrypt certificate for a domain
// DNSimple hosts (so DNSimple publishes the DNS-01 records itself), issues it, polls until it is issued, and writes the
// fullchain it downloads. No input files: DNSimple makes the key and the CSR.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { verifyFullchain } from "./verify-fullchain.mjs";

/** @type {import("../sandbox-examples.mjs").SandboxExample} */
export const example = {
  title: "DNSimple: purchase and issue a Let's Encrypt certificate, wait, download (packages/dnsimple/README.md)",
  // Let's Encrypt answers after a second of real time, so the example's polling is seen doing its work.
  sandboxOptions: { dnsimple: { issuanceDelayMs: 1000 } },
  async prepare(_dir, server) {
    // An account token: the example finds the account id with GET /whoami.
    const { token, baseUrl } = server.clientOptions("dnsimple");
    return {
      DNSIMPLE_TOKEN: token,
      DNSIMPLE_BASE_URL: baseUrl,
      DNSIMPLE_DOMAIN: "example.com",
      DNSIMPLE_POLL_MS: "250",
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
