import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DNSIMPLE_CAPABILITIES, DNSIMPLE_STATUS_TABLE } from "../src/providers/dnsimple/index.js";
import { DNSIMPLE_V1_CAPABILITIES, DNSIMPLE_V1_STATUS_TABLE } from "../src/providers/dnsimple-v1/index.js";
import { IONOS_SSL_CAPABILITIES, IONOS_SSL_STATUS_TABLE } from "../src/providers/ionos-ssl/index.js";
import { RESELLO_CAPABILITIES, RESELLO_STATUS_TABLE } from "../src/providers/resello/index.js";
import { SSLMARKET_CAPABILITIES, SSLMARKET_DERIVED_STATUSES, SSLMARKET_STATUS_TABLE } from "../src/providers/sslmarket/index.js";
import { CERTIFICATE_OPERATIONS, CERTIFICATE_STATUSES, type Capabilities, type CertificateStatus } from "../src/index.js";

// The README's tables are the adapters' own tables: a mapping changed in code and not in the README fails here.
// Each provider's raw values per status, and the rules of statuses derived from other fields (SSLmarket).
const PROVIDERS: [string, Capabilities, Readonly<Record<string, CertificateStatus>>, Readonly<Partial<Record<CertificateStatus, string>>>][] = [
  ["IONOS SSL", IONOS_SSL_CAPABILITIES, IONOS_SSL_STATUS_TABLE, {}],
  ["DNSimple v2", DNSIMPLE_CAPABILITIES, DNSIMPLE_STATUS_TABLE, {}],
  ["DNSimple v1", DNSIMPLE_V1_CAPABILITIES, DNSIMPLE_V1_STATUS_TABLE, {}],
  ["Resello", RESELLO_CAPABILITIES, RESELLO_STATUS_TABLE, {}],
  ["SSLmarket", SSLMARKET_CAPABILITIES, SSLMARKET_STATUS_TABLE, SSLMARKET_DERIVED_STATUSES],
];

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

function section(name: string): string {
  const match = new RegExp(`<!-- ${name} -->\\n([\\s\\S]*?)<!-- /${name} -->`).exec(readme);
  if (!match) throw new Error(`README.md has no ${name} section`);
  return match[1]!;
}

const row = (cells: string[]) => `| ${cells.join(" | ")} |`.replace(/ {2}\|/g, " |");
const header = (first: string) => [row([first, ...PROVIDERS.map(([name]) => name)]), row(["---", ...PROVIDERS.map(() => "---")])];

describe("the README", () => {
  it("shows each adapter's capabilities", () => {
    const lines = [
      ...header(""),
      ...CERTIFICATE_OPERATIONS.map((operation) => row([operation, ...PROVIDERS.map(([, capabilities]) => (capabilities[operation] ? "yes" : "no"))])),
      row(["validation methods", ...PROVIDERS.map(([, capabilities]) => capabilities.validationMethods.join(", "))]),
      row(["CSR", ...PROVIDERS.map(([, capabilities]) => capabilities.csr)]),
    ];
    expect(section("capabilities-table")).toBe(`${lines.join("\n")}\n`);
  });

  it("shows each adapter's status mapping, one column per provider", () => {
    const cell = (table: Readonly<Record<string, CertificateStatus>>, derived: Readonly<Partial<Record<CertificateStatus, string>>>, status: CertificateStatus) =>
      status === "unknown"
        ? "anything else"
        : [
            ...Object.entries(table)
              .filter(([, mapped]) => mapped === status)
              .map(([raw]) => `\`${raw}\``),
            ...(derived[status] === undefined ? [] : [derived[status]]),
          ].join(", ");
    const statuses = CERTIFICATE_STATUSES.filter((status) => status !== "expired");
    const lines = [...header("status"), ...statuses.map((status) => row([status, ...PROVIDERS.map(([, , table, derived]) => cell(table, derived, status))]))];
    expect(section("status-table")).toBe(`${lines.join("\n")}\n`);
  });
});
