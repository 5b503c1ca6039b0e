// The Resello README example against the sandbox: it picks a plan, orders a certificate once for a CSR read from
// disk, publishes the TXT record the validation details ask for, has Resello validate, polls until the certificate is
// active and writes the fullchain it downloads. It also signs in once with OpenID Connect client credentials.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateCsr, RESELLO_TOKEN_PATH, SANDBOX_RESELLO_OIDC_CLIENT } from "@certkit/sandbox";
import { verifyFullchain } from "./verify-fullchain.mjs";

/** @type {import("../sandbox-examples.mjs").SandboxExample} */
export const example = {
  title: "Resello: pick a plan, order once, validate by DNS, download (packages/resello/README.md)",
  // Provisioning takes a second of real time once the TXT record is validated, so the example's polling is seen
  // doing its work.
  sandboxOptions: { resello: { issuanceDelayMs: 1000 } },
  async prepare(dir, server) {
    const { csr, privateKey } = await generateCsr({ commonName: "shop.example.com" });
    await writeFile(join(dir, "shop.example.com.csr"), csr);
    await writeFile(join(dir, "shop.example.com.key"), privateKey, { mode: 0o600 });
    const { resellerReference, apiKey, baseUrl } = server.clientOptions("resello");
    return {
      RESELLO_RESELLER_REFERENCE: resellerReference,
      RESELLO_API_KEY: apiKey,
      RESELLO_BASE_URL: baseUrl,
      RESELLO_TOKEN_URL: `${baseUrl}${RESELLO_TOKEN_PATH}`,
      RESELLO_CLIENT_ID: SANDBOX_RESELLO_OIDC_CLIENT.clientId,
      RESELLO_CLIENT_SECRET: SANDBOX_RESELLO_OIDC_CLIENT.clientSecret,
      RESELLO_POLL_MS: "250",
    };
  },
  async verify(dir, sandbox) {
    return verifyFullchain(
      sandbox,
      await readFile(join(dir, "shop.example.com.fullchain.pem"), "utf8"),
      "shop.example.com",
    );
  },
};
