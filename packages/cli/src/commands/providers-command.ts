import { CERTIFICATE_OPERATIONS, type ProviderName } from "@certkit/certificates";
import { EXIT } from "../exit-codes.js";
import { formatTable } from "../output/format-table.js";
import { PROVIDERS } from "@certkit/certificates/providers";
import type { Command } from "./command.js";

/** `certkit providers`: what each provider can do, and what each is reached with. */
export const providersCommand: Command = {
  name: "providers",
  summary: "what each provider can do, and which are configured (or simulated by the sandbox)",
  usage: "",
  details: [
    "The account column says what certkit reaches each provider with: a configured account, the sandbox's simulation of it, or nothing.",
  ],
  options: {},
  positionals: { min: 0, max: 0 },
  async run({ output, session }) {
    const { configured, kind } = await session();
    const accountOf = (provider: ProviderName) =>
      kind !== "providers" ? "sandbox" : configured.includes(provider) ? "configured" : "none";
    const rows = PROVIDERS.map(({ name, capabilities }) => ({
      provider: name,
      account: accountOf(name),
      ...capabilities,
    }));
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
