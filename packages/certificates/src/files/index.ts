// `@certkit/certificates/files`: writing a certificate and its key to disk, for Node (browsers never load it).
export {
  CERTIFICATE_FILE_NAMES,
  PRIVATE_KEY_MODE,
  PUBLIC_FILE_MODE,
  writeCertificateFiles,
  type CertificateFilesContent,
  type WriteCertificateFilesOptions,
} from "./certificate-files.js";
export { writeFileSet, type FileToWrite, type WriteFileSetOptions, type WrittenFileSet } from "./write-file-set.js";
export { FileSetError, type FileSetProblem } from "./file-set-error.js";
export { makeFolders } from "./make-folders.js";
