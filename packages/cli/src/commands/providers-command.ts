import { CERTIFICATE_OPERATIONS } from "@certkit/certificates";
import { EXIT } from "../exit-codes.js";
import { formatTable } from "../output/format-table.js";
import { PROVIDER_CAPABILITIES } from "../provider-capabilities.js";
import { PROVIDER_NAMES } from "../provider-names.js";
import type { Command } from "./command.js";

/** `certkit providers`: what each provider can do, and what each is reached with. */
export const providersCommand: Command = {
  name: "providers",
  summary: "what each provider can do, and which are configured (or simulated by the sandbox)",
  usage: "",
  details: ["The account column says what certkit reaches each provider with: a configured account, the sandbox's simulation of it, or nothing."],
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ output, session }) {
    const { configured, kind } = await session();
    const accountOf = (provider: (typeof PROVIDER_NAMES)[number]) => (kind !== "providers" ? "sandbox" : configured.includes(provider) ? "configured" : "none");
    const rows = PROVIDER_NAMES.map((provider) => ({ provider, account: accountOf(provider), ...PROVIDER_CAPABILITIES[provider] }));
    output.json({ source: kind, providers: rows });
    const header = ["provider", "account", ...CERTIFICATE_OPERATIONS, "methods", "csr"];
    const table = rows.map((row) => [
      row.provider,
      row.account,
      ...CERTIFICATE_OPERATIONS.map((operation) => (row[operation] ? "✓" : "-")),
      row.validationMethods.join(","),
      row.csr,
    ]);
    for (const line of formatTable(header, table)) output.line(line);
    return EXIT.ok;
  },
};
