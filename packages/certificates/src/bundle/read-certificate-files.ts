// @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { strFromU8, unzipSync } from "fflate";

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The PEM certificates in a text (a fullchain file, a JSON field, a CA bundle), in the order they appear. */
export function pemCertificatesIn(text: string): string[] {
  return [...text.matchAll(PEM_CERTIFICATE)].map(([block]) => `${block}\n`);
}

/** The certificates of a PKCS#7 (P7B) bundle, DER bytes or PEM text, as PEM. */
export function pemCertificatesFromPkcs7(pkcs7: Uint8Array | string): string[] {
  const bundle = typeof pkcs7 === "string" ? new x509.X509Certificates(pkcs7) : new x509.X509Certificates(new Uint8Array(pkcs7));
  return bundle.map((certificate) => `${certificate.toString("pem")}\n`);
}

/** The files of a zip archive as text, by name (providers zip PEM, CRT and CA-bundle files). */
export function textFilesFromZip(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, content]) => [name, strFromU8(content)]));
}
