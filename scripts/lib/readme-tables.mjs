// The README tables rendered from the provider registry (`@certkit/certificates/providers`, and the sandbox's
// simulators for its README), between markers:
// `<!-- name -->` and `<!-- /name -->` on lines of their own. `pnpm readme:tables` writes them; a test fails when a
// README differs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CERTIFICATE_OPERATIONS, CERTIFICATE_STATUSES } from "@certkit/certificates";
import { PROVIDERS } from "@certkit/certificates/providers";
import { SANDBOX_SIMULATORS } from "@certkit/sandbox";

/** @typedef {(typeof PROVIDERS)[number]} Provider */

const row = (/** @type {string[]} */ cells) => `| ${cells.join(" | ")} |`.replace(/ {2}\|/g, " |");
const table = (/** @type {string[]} */ header, /** @type {string[][]} */ rows) => [
  row(header),
  row(header.map(() => "---")),
  ...rows.map(row),
];

/** Each provider's capabilities, one column per provider. */
function capabilitiesTable() {
  return table(
    ["", ...PROVIDERS.map((provider) => provider.displayName)],
    [
      ...CERTIFICATE_OPERATIONS.map((operation) => [
        operation,
        ...PROVIDERS.map(({ capabilities }) => (capabilities[operation] ? "yes" : "no")),
      ]),
      ["validation methods", ...PROVIDERS.map(({ capabilities }) => capabilities.validationMethods.join(", "))],
      ["CSR", ...PROVIDERS.map(({ capabilities }) => capabilities.csr)],
    ],
  );
}

/** Which provider values map to each status, one column per provider (`expired` is derived from dates, never mapped). */
function statusTable() {
  /** @type {(provider: Provider, status: string) => string} */
  const cell = ({ statuses }, status) => {
    if (status === "unknown") return "anything else";
    const raw = Object.entries(statuses.table)
      .filter(([, mapped]) => mapped === status)
      .map(([value]) => `\`${value}\``);
    /** @type {Readonly<Record<string, string | undefined>>} */
    const derived = statuses.derived ?? {};
    return [...raw, ...(derived[status] === undefined ? [] : [derived[status]])].join(", ");
  };
  return table(
    ["status", ...PROVIDERS.map((provider) => provider.displayName)],
    CERTIFICATE_STATUSES.filter((status) => status !== "expired").map((status) => [
      status,
      ...PROVIDERS.map((provider) => cell(provider, status)),
    ]),
  );
}

/** What `findOrders` looks for at each provider. */
function recoveryTable() {
  return table(
    ["provider", "`findOrders` looks for"],
    PROVIDERS.map((provider) => [provider.displayName, provider.recovery]),
  );
}

/** Every environment variable the CLI reads for a provider. */
function variablesTable() {
  return table(
    ["variable", "provider", "option"],
    PROVIDERS.flatMap(({ name, options }) =>
      options.map((option) => [
        `\`${option.env}\``,
        name,
        `\`${option.option}\`${option.secret ? " (secret)" : option.type === "json" ? " (JSON)" : ""}`,
      ]),
    ),
  );
}

/** One row per provider: its client package, the facade's subpath for it, and its API's documentation. */
function providerPackagesTable() {
  return table(
    ["provider", "client package", "adapter", "API"],
    PROVIDERS.map(({ name, displayName, clientPackage, apiName, docs }) => [
      displayName,
      `[\`${clientPackage}\`](packages/${name}/README.md)`,
      `\`@certkit/certificates/${name}\``,
      `[${apiName}](${docs.apiDocs})`,
    ]),
  );
}

/** A simulator's provider as people read it: the facade's display name for it. */
const displayNameOf = (/** @type {string} */ name) =>
  PROVIDERS.find((provider) => provider.name === name)?.displayName ?? name;

/** Where each simulated API is mounted in the sandbox, and the client options its credentials go in. */
function sandboxCredentialsTable() {
  return table(
    ["provider", "base path", "credentials (client option names)"],
    SANDBOX_SIMULATORS.map(({ name, mount, credentials, docs }) => {
      const options = Object.keys(credentials)
        .map((option) => `\`${option}\``)
        .join(", ");
      /** @type {string | undefined} */
      const note = docs.credentials;
      return [displayNameOf(name), `\`${mount}\``, note === undefined ? options : `${options} (${note})`];
    }),
  );
}

/** What each simulator does: its orders' lifecycle, how it validates, what it downloads. */
function simulatorsTable() {
  return table(
    ["provider", "lifecycle", "validation", "downloads"],
    SANDBOX_SIMULATORS.map(({ name, docs }) => [displayNameOf(name), docs.lifecycle, docs.validation, docs.downloads]),
  );
}

/**
 * Every README with rendered tables: its path from the repository's root, and each marker's table.
 * @type {{ path: string, tables: Record<string, () => string[]> }[]}
 */
export const README_TABLES = [
  { path: "README.md", tables: { "provider-packages": providerPackagesTable } },
  {
    path: "packages/certificates/README.md",
    tables: { "capabilities-table": capabilitiesTable, "status-table": statusTable, "recovery-table": recoveryTable },
  },
  { path: "packages/cli/README.md", tables: { "provider-variables": variablesTable } },
  {
    path: "packages/sandbox/README.md",
    tables: { "sandbox-credentials": sandboxCredentialsTable, "sandbox-simulators": simulatorsTable },
  },
];

/**
 * A README's text with every table of `tables` rendered between its markers.
 * @param {string} text the README
 * @param {Record<string, () => string[]>} tables the tables by marker name
 * @param {string} path the README's path, for errors
 * @returns {string}
 * @throws {Error} when a marker pair is missing
 */
export function withTables(text, tables, path) {
  let result = text;
  for (const [name, render] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${name} -->\\n)[\\s\\S]*?(<!-- /${name} -->)`);
    if (!pattern.test(result)) throw new Error(`${path} has no <!-- ${name} --> … <!-- /${name} --> section`);
    result = result.replace(pattern, (_, open, close) => `${open}${render().join("\n")}\n${close}`);
  }
  return result;
}

/**
 * Every README whose rendered tables differ from what the registry renders, with the text it should have.
 * @param {string} root the repository's root folder
 * @returns {{ path: string, current: string, expected: string }[]}
 */
export function readmeTables(root) {
  return README_TABLES.map(({ path, tables }) => {
    const current = readFileSync(join(root, path), "utf8");
    return { path, current, expected: withTables(current, tables, path) };
  });
}
