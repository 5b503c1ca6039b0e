import { isCertkitError } from "@certkit/certificates";
import { CERTIFICATE_FILE_NAMES, PRIVATE_KEY_MODE, PUBLIC_FILE_MODE, writeFileSet } from "@certkit/certificates/files";
import { writeOrExplain } from "../files/file-set-usage.js";
import type { CsrChoice } from "./csr-options.js";

/** The CSR to send (if any), and the files written for it: a generated key and its CSR. */
export interface PreparedCsr {
  csr: string | undefined;
  files: string[];
  /** Takes the files back (and puts back what they replaced) when the request turns out not to be sent. */
  undo?: () => Promise<void>;
  /** Drops the copies of what the files replaced, once the request was sent. */
  commit?: () => Promise<void>;
}

/**
 * Turns the CSR options' choice into the CSR to send. A generated key is written first, with its CSR, as
 * `privkey.pem` (0600) and `request.csr` in `dir()` (asked only then), so that no order exists without its key on disk.
 * With `force`, the key and CSR they replace are kept aside until the request is sent, to be put back if it is not.
 * @throws UsageError when those files exist and `force` is not set; nothing is written then.
 */
export async function prepareCsr(choice: CsrChoice, dir: () => string, force: boolean): Promise<PreparedCsr> {
  if (choice.kind === "file") return { csr: choice.csr, files: [] };
  if (choice.kind === "none") return { csr: undefined, files: [] };
  const files = [
    { name: CERTIFICATE_FILE_NAMES.privateKey, content: choice.generated.privateKey, mode: PRIVATE_KEY_MODE },
    { name: CERTIFICATE_FILE_NAMES.csr, content: choice.generated.csr, mode: PUBLIC_FILE_MODE },
  ];
  const written = await writeOrExplain(() => writeFileSet(dir(), files, { replace: force, keepReplaced: true }));
  return { csr: choice.generated.csr, files: written.paths, undo: written.undo, commit: written.commit };
}

/**
 * Sends the request the CSR was prepared for. When the facade refuses it before sending (`INVALID_INPUT`), the key
 * files belong to no order: they are removed, and a key and CSR they replaced are put back. Otherwise the new ones
 * count (an order may hold the new key even when the call failed), and the old ones go.
 */
export async function sendWithCsr<T>(prepared: PreparedCsr, send: (csr: string | undefined) => Promise<T>): Promise<T> {
  try {
    const sent = await send(prepared.csr);
    await prepared.commit?.();
    return sent;
  } catch (error) {
    if (isCertkitError(error) && error.code === "INVALID_INPUT") await prepared.undo?.();
    else await prepared.commit?.();
    throw error;
  }
}
