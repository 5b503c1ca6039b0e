import { writeFileSet, type FileToWrite, type WrittenFileSet } from "./write-file-set.js";

/** The files a certificate is written as, named as certbot names them, so server configs written for it fit. */
export const CERTIFICATE_FILE_NAMES = {
  certificate: "cert.pem",
  chain: "chain.pem",
  fullchain: "fullchain.pem",
  privateKey: "privkey.pem",
  csr: "request.csr",
} as const;

/** Mode of a private key file: the owner alone may read it. */
export const PRIVATE_KEY_MODE = 0o600;

/** Mode of certificates and CSRs, which are public. */
export const PUBLIC_FILE_MODE = 0o644;

/** What {@link writeCertificateFiles} writes: a `CertificateBundle` from `download()` fits. */
export interface CertificateFilesContent {
  /** PEM of the leaf. */
  certificate: string;
  /** PEM of each intermediate, from the leaf's issuer up. */
  chain: readonly string[];
  /** PEM private key, when there is one to write. */
  privateKey?: string | null | undefined;
}

/** How {@link writeCertificateFiles} writes. */
export interface WriteCertificateFilesOptions {
  /** Replace the files of a certificate already there (a renewal). Without it, nothing is written if one exists. */
  replace: boolean;
  /** Mode of the certificate files. Default {@link PUBLIC_FILE_MODE}. */
  certificateMode?: number | undefined;
  /** Mode of the key file. Default {@link PRIVATE_KEY_MODE}. */
  keyMode?: number | undefined;
}

/** PEM blocks one after the other, each ending with one newline, as servers read a chain file. */
const pemBlocks = (blocks: readonly string[]) => blocks.map((block) => `${block.trim()}\n`).join("");

/**
 * Writes a certificate into `dir` (made if missing, 0700) as certbot lays it out: `cert.pem`, `chain.pem` (the
 * intermediates; empty when there are none, so an old chain never stays beside a new certificate), `fullchain.pem`
 * (the certificate, then the intermediates) and, when there is a key, `privkey.pem` (0600). The files are written as
 * {@link writeFileSet} writes them: each whole or not at all, and a failure part-way leaves the files as they were.
 * @returns the paths written, in that order.
 * @throws FileSetError when a file exists and `replace` is not set, or `dir` is not a folder; nothing is written.
 * @example
 * ```ts
 * import { writeCertificateFiles } from "@certkit/certificates/files";
 * const bundle = await certs.download(orderId);
 * await writeCertificateFiles("/etc/ssl/www.example.com", bundle, { replace: true });
 * ```
 */
export async function writeCertificateFiles(
  dir: string,
  content: CertificateFilesContent,
  options: WriteCertificateFilesOptions,
): Promise<string[]> {
  const certificateMode = options.certificateMode ?? PUBLIC_FILE_MODE;
  const files: FileToWrite[] = [
    { name: CERTIFICATE_FILE_NAMES.certificate, content: pemBlocks([content.certificate]), mode: certificateMode },
    { name: CERTIFICATE_FILE_NAMES.chain, content: pemBlocks(content.chain), mode: certificateMode },
    {
      name: CERTIFICATE_FILE_NAMES.fullchain,
      content: pemBlocks([content.certificate, ...content.chain]),
      mode: certificateMode,
    },
  ];
  const { privateKey } = content;
  if (privateKey !== undefined && privateKey !== null) {
    const mode = options.keyMode ?? PRIVATE_KEY_MODE;
    files.push({ name: CERTIFICATE_FILE_NAMES.privateKey, content: pemBlocks([privateKey]), mode });
  }
  const written: WrittenFileSet = await writeFileSet(dir, files, { replace: options.replace });
  return written.paths;
}
