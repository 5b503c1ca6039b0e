import { basename } from "node:path";
import { normalizeDomainName } from "@certkit/certificates";
import { UsageError } from "../usage-error.js";

/**
 * The default folder for a certificate's files: its common name as CAs take it (lower case, punycode, no final
 * dot), with `*.` written `_wildcard.`. The name may come from the provider's answer, so only a name that is a
 * domain name makes a folder: a domain name has no `/`, `\`, `..`, NUL or control character, so the folder is one
 * entry inside the working directory, never a path out of it.
 * @throws UsageError when the name is not a domain name: then `--out DIR` must say where.
 */
export function certificateFolder(commonName: string): string {
  const checked = normalizeDomainName(commonName);
  const folder = checked.ok ? checked.name.replace(/^\*\./, "_wildcard.") : undefined;
  // A second guard, on the result rather than on the checks above: one plain entry, nothing else.
  if (folder === undefined || basename(folder) !== folder || folder.startsWith(".")) {
    const problem = checked.ok ? "is not a plain name" : checked.problem;
    throw new UsageError(
      `the common name ${JSON.stringify(commonName)} ${problem}, so it makes no folder name: say where with --out DIR`,
    );
  }
  return folder;
}
