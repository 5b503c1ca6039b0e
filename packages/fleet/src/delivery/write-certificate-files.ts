import { randomBytes } from "node:crypto";
import { chmod, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { IssuedCertificate } from "./issued-certificate.js";
import { makeFolders } from "../files/make-folders.js";

/** The files written for a certificate, as web servers and certbot name them. */
export const CERTIFICATE_FILE_NAMES = {
  certificate: "cert.pem",
  chain: "chain.pem",
  fullchain: "fullchain.pem",
  privateKey: "privkey.pem",
} as const;

/**
 * Writes `cert.pem`, `chain.pem`, `fullchain.pem` and (when there is a key) `privkey.pem` into `dir` with the given
 * modes, whatever the umask. Each file is written beside its target and renamed over it, so a reader never sees half
 * a file and a symlink at the target is replaced, not followed. Writing the same certificate again changes nothing.
 */
export async function writeCertificateFiles(
  dir: string,
  issued: IssuedCertificate,
  modes: { certificateMode: number; keyMode: number },
): Promise<string[]> {
  await makeFolders(dir, 0o700);
  const chain = issued.chain.join("");
  const files: [string, string, number][] = [
    [CERTIFICATE_FILE_NAMES.certificate, issued.certificate, modes.certificateMode],
    [CERTIFICATE_FILE_NAMES.chain, chain, modes.certificateMode],
    [CERTIFICATE_FILE_NAMES.fullchain, `${issued.certificate}${chain}`, modes.certificateMode],
  ];
  if (issued.privateKey !== null) files.push([CERTIFICATE_FILE_NAMES.privateKey, issued.privateKey, modes.keyMode]);
  const written: string[] = [];
  for (const [name, content, mode] of files) {
    const target = join(dir, name);
    const temporary = join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      await writeFile(temporary, content, { mode, flag: "wx" });
      await chmod(temporary, mode);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    written.push(target);
  }
  return written;
}
