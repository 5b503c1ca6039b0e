// `npm run certkit -- <args>` in a clone of the certkit repository (the root package.json's `certkit` script): runs
// the built CLI as if it were installed. npm runs a script in the repository's root, so this goes back to the folder
// the command was typed in (npm's INIT_CWD) first: the files certkit writes land there, as an installed certkit's do.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
if (!existsSync(bin)) {
  process.stderr.write("certkit: the CLI is not built yet in this clone: run npm run demo (or pnpm build) first\n");
  process.exit(2);
}
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
await import(pathToFileURL(bin).href);
