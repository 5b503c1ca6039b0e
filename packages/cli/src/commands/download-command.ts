import { basename, resolve } from "node:path";
import { certificateFolder } from "../files/certificate-folder.js";
import { EXIT } from "../exit-codes.js";
import { CERTIFICATE_FILE_NAMES, writeCertificateFiles } from "@certkit/certificates/files";
import { writeOrExplain } from "../files/file-set-usage.js";
import { shownPath } from "../output/shown-path.js";
import { PROVIDER_OPTION, type Command } from "./command.js";
import { orderTarget } from "./order-target.js";

/** `certkit download ID`: the issued certificate, its chain, the full chain and (where the provider made it) the key. */
export const downloadCommand: Command = {
  name: "download",
  summary: "write the issued certificate, chain, full chain and key (0600) to a folder",
  usage: "ID [--out DIR] [--force]",
  details: [
    `Writes ${CERTIFICATE_FILE_NAMES.certificate}, ${CERTIFICATE_FILE_NAMES.chain} (intermediates, empty when there are none), ${CERTIFICATE_FILE_NAMES.fullchain} (certificate + intermediates) and,`,
    `when the provider made the key, ${CERTIFICATE_FILE_NAMES.privateKey} (mode 0600). The chain is checked, leaf to root, before anything is written.`,
    "Existing files are never replaced without --force; then nothing is written at all.",
  ],
  options: {
    ...PROVIDER_OPTION,
    out: {
      type: "string",
      short: "o",
      value: "DIR",
      description:
        "the folder to write to, made if missing; a symlink to a folder is followed (default: ./<common name>)",
    },
    force: { type: "boolean", description: "replace files that exist" },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, output, signal } = context;
    const { client, ref, label } = await orderTarget(context);
    const bundle = await client.download(ref.id, { signal });
    const dir = resolve(
      context.cwd,
      typeof values.out === "string"
        ? values.out
        : certificateFolder((await client.get(ref.id, { signal })).commonName),
    );
    const written = await writeOrExplain(() => writeCertificateFiles(dir, bundle, { replace: values.force === true }));
    output.json({
      ref: label,
      dir,
      files: written,
      intermediates: bundle.chain.length,
      root: bundle.root !== undefined,
      privateKey: bundle.privateKey !== undefined,
    });
    output.line(
      `${label}: certificate and ${bundle.chain.length} intermediate${bundle.chain.length === 1 ? "" : "s"}, chain verified${bundle.root === undefined ? "" : " up to its root"}`,
    );
    for (const path of written) {
      const isKey = basename(path) === CERTIFICATE_FILE_NAMES.privateKey;
      output.line(`  ${shownPath(path, context.cwd)}${isKey ? "  (private key, mode 0600)" : ""}`);
    }
    return EXIT.ok;
  },
};
