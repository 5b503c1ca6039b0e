import type { IssuedCertificate } from "../../ca/sandbox-ca.js";
import { toPkcs7, toZip } from "../../ca/certificate-formats.js";

/** The download formats of `/ssl-certificate/{id}/download-{format}`. */
export type ReselloDownloadFormat = "zip" | "pkcs7" | "crt" | "csr" | "ca";

/**
 * What a download is made of: the certificate in force, its CSR, its common name (which names the files), and the
 * sandbox's time (which dates a zip's files).
 */
export interface DownloadSource {
  issued: IssuedCertificate;
  csr: string;
  commonName: string;
  now: Date;
}

function withNewline(pem: string): string {
  return pem.endsWith("\n") ? pem : `${pem}\n`;
}

/** The file name stem of a certificate's files: its common name, with `*` written `STAR` as CAs name wildcard files. */
function fileStem(commonName: string): string {
  return commonName.toLowerCase().replace(/^\*\./, "STAR.");
}

/**
 * A download as Resello sends it: a file attachment labelled `application/octet-stream` (the seed says so for
 * every format), PEM text for `crt`, `csr` and `ca`, DER bytes for `pkcs7`, and for `zip` the certificate, the CA
 * bundle and the CSR (which files Resello's zip holds is not documented).
 */
export function downloadResponse(format: ReselloDownloadFormat, source: DownloadSource): Response {
  const stem = fileStem(source.commonName);
  const crt = withNewline(source.issued.certificate);
  const caBundle = `${withNewline(source.issued.intermediate)}${withNewline(source.issued.root)}`;
  const csr = withNewline(source.csr);
  const [filename, body]: [string, string | Uint8Array] =
    format === "crt"
      ? [`${stem}.crt`, crt]
      : format === "ca"
        ? [`${stem}.ca-bundle`, caBundle]
        : format === "csr"
          ? [`${stem}.csr`, csr]
          : format === "pkcs7"
            ? [`${stem}.p7b`, toPkcs7([crt, caBundle], "der")]
            : [
                `${stem}.zip`,
                toZip({ [`${stem}.crt`]: crt, [`${stem}.ca-bundle`]: caBundle, [`${stem}.csr`]: csr }, source.now),
              ];
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    status: 200,
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
