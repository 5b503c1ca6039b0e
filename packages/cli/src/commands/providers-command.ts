import { CERTIFICATE_OPERATIONS } from "@certkit/certificates";
import { EXIT } from "../exit-codes.js";
import { formatTable } from "../output/format-table.js";
import { PROVIDER_CAPABILITIES } from "../provider-capabilities.js";
import { PROVIDER_NAMES } from "../provider-names.js";
import type { Command } from "./command.js";

/** `certkit providers`: what each provider can do, and which are configured. */
export const providersCommand: Command = {
  name: "providers",
  summary: "what each provider can do, and which are configured",
  usage: "",
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ output, session }) {
    const { configured, kind } = await session();
    const rows = PROVIDER_NAMES.map((provider) => ({ provider, configured: configured.includes(provider), ...PROVIDER_CAPABILITIES[provider] }));
    output.json({ source: kind, providers: rows });
    const header = ["provider", "configured", ...CERTIFICATE_OPERATIONS, "methods", "csr"];
    const table = rows.map((row) => [
      row.provider,
      row.configured ? "yes" : "no",
      ...CERTIFICATE_OPERATIONS.map((operation) => (row[operation] ? "✓" : "-")),
      row.validationMethods.join(","),
      row.csr,
    ]);
    for (const line of formatTable(header, table)) output.line(line);
    return EXIT.ok;
  },
};
