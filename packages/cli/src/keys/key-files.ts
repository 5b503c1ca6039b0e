import { rm } from "node:fs/promises";
import { isCertkitError } from "@certkit/certificates";
import { CERTIFICATE_FILES, PRIVATE_KEY_MODE, PUBLIC_FILE_MODE } from "../files/certificate-file-names.js";
import { writeNewFiles } from "../files/write-new-files.js";
import type { CsrChoice } from "./csr-options.js";

/** The CSR to send (if any), and the files written for it: a generated key and its CSR. */
export interface PreparedCsr {
  csr: string | undefined;
  files: string[];
}

/**
 * Turns the CSR options' choice into the CSR to send. A generated key is written first, with its CSR, as
 * `privkey.pem` (0600) and `request.csr` in `dir()` (asked only then), so that no order exists without its key on disk.
 * @throws UsageError when those files exist and `force` is not set; nothing is written then.
 */
export async function prepareCsr(choice: CsrChoice, dir: () => string, force: boolean): Promise<PreparedCsr> {
  if (choice.kind === "file") return { csr: choice.csr, files: [] };
  if (choice.kind === "none") return { csr: undefined, files: [] };
  const files = await writeNewFiles(
    dir(),
    [
      { name: CERTIFICATE_FILES.privateKey, content: choice.generated.privateKey, mode: PRIVATE_KEY_MODE },
      { name: CERTIFICATE_FILES.csr, content: choice.generated.csr, mode: PUBLIC_FILE_MODE },
    ],
    { force },
  );
  return { csr: choice.generated.csr, files };
}

/**
 * Sends the request the CSR was prepared for. When the facade refuses it before sending (`INVALID_INPUT`), the key
 * files belong to no order and are removed again.
 */
export async function sendWithCsr<T>(prepared: PreparedCsr, send: (csr: string | undefined) => Promise<T>): Promise<T> {
  try {
    return await send(prepared.csr);
  } catch (error) {
    if (isCertkitError(error) && error.code === "INVALID_INPUT")
      await Promise.all(prepared.files.map((path) => rm(path, { force: true })));
    throw error;
  }
}
