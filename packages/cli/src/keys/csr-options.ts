import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { normalizeDomainName, type Capabilities, type ProviderName } from "@certkit/certificates";
import { generateCsr, type CsrKeyType, type GeneratedCsr } from "@certkit/sandbox";
import type { OptionSpec } from "../commands/command.js";
import { UsageError } from "../usage-error.js";

/** Key types `--key-type` offers: those every CA accepts (the sandbox's generator also makes weak keys, for tests). */
const KEY_TYPES: readonly CsrKeyType[] = ["rsa-2048", "rsa-3072", "ec-p256", "ec-p384"];

/**
 * A private key of any kind (PKCS#8 plain or encrypted, RSA, EC, OpenSSH, PGP's `PRIVATE KEY BLOCK`): their armour all
 * say it, and a CSR's base64 has no spaces to say it by chance.
 */
const PRIVATE_KEY_BLOCK = /PRIVATE KEY/i;

/** The options of the commands that take a CSR: `order`, `renew`, `reissue`. */
export const CSR_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  csr: { type: "string", value: "FILE", description: "the PEM certificate signing request to send" },
  "generate-key": {
    type: "boolean",
    description:
      "make a fresh key and CSR here, and write them (privkey.pem, mode 0600, and request.csr) to --out first",
  },
  "key-type": {
    type: "string",
    value: "TYPE",
    description: `the key --generate-key makes: ${KEY_TYPES.join(", ")} (default: rsa-2048, which every provider takes)`,
  },
};

/** A name as the CSR must carry it: as the facade sends it (a bad name stays as it is, for the facade to refuse). */
function orderedName(name: string): string {
  const checked = normalizeDomainName(name);
  return checked.ok ? checked.name : name;
}

/** What the CSR options asked for: a CSR read from a file, a key and CSR made here, or neither. */
export type CsrChoice =
  | { kind: "file"; csr: string }
  | { kind: "generated"; generated: GeneratedCsr }
  | { kind: "none" };

/**
 * Checks the CSR options against each other, before anything is configured or sent.
 * @throws UsageError for both `--csr` and `--generate-key`, an unknown key type, or a key type without a key to make.
 */
export function checkCsrFlags(values: Record<string, unknown>): void {
  const generate = values["generate-key"] === true;
  const keyType = values["key-type"];
  if (values.csr !== undefined && generate) throw new UsageError("give --csr FILE or --generate-key, not both");
  if (keyType !== undefined && !(KEY_TYPES as readonly unknown[]).includes(keyType))
    throw new UsageError(`--key-type must be one of ${KEY_TYPES.join(", ")}`);
  if (keyType !== undefined && !generate) throw new UsageError("--key-type goes with --generate-key");
}

/**
 * Reads the CSR options, checked against what the provider takes.
 * @throws UsageError for both options at once, an unreadable file, an unknown key type, a key the provider would
 *   make itself, or no CSR where the provider requires one.
 */
export async function readCsrOptions(
  values: Record<string, unknown>,
  context: {
    cwd: string;
    provider: ProviderName;
    capabilities: Capabilities;
    names: readonly string[];
    required: boolean;
  },
): Promise<CsrChoice> {
  checkCsrFlags(values);
  const file = values.csr as string | undefined;
  const generate = values["generate-key"] === true;
  const keyType = (values["key-type"] as CsrKeyType | undefined) ?? "rsa-2048";
  if ((file !== undefined || generate) && context.capabilities.csr === "none") {
    throw new UsageError(
      `${context.provider} makes the key itself and takes no CSR: leave out --csr and --generate-key (certkit download writes the key it made)`,
    );
  }
  if (file !== undefined) {
    let csr: string;
    try {
      csr = await readFile(resolve(context.cwd, file), "utf8");
    } catch {
      throw new UsageError(`cannot read the CSR file ${file}`);
    }
    // What `cat request.csr key.pem > FILE` gives. The facade refuses it too; said here, the message names the file.
    if (PRIVATE_KEY_BLOCK.test(csr)) {
      throw new UsageError(
        `${file} holds a private key besides the CSR, and a private key never leaves this machine: remove the key from ${file} (keep it in a file of its own) and give the CSR alone; nothing was sent`,
      );
    }
    return { kind: "file", csr };
  }
  if (generate) {
    const [commonName, ...altNames] = context.names.map(orderedName);
    return { kind: "generated", generated: await generateCsr({ commonName: commonName!, altNames, keyType }) };
  }
  if (context.required && context.capabilities.csr === "required") {
    throw new UsageError(
      `${context.provider} needs a CSR: give --csr FILE, or --generate-key to make a key and CSR here`,
    );
  }
  return { kind: "none" };
}
