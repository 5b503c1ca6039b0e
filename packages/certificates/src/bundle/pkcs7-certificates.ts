// Loaded with import() only, by the downloads that send PKCS#7: the X.509 stack stays out of the code that reads
// orders. @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { pemCertificatesIn } from "./pem-certificates.js";

/** The certificates of a PKCS#7 (P7B) bundle, DER bytes or PEM text, as PEM. */
export function pemCertificatesFromPkcs7(pkcs7: Uint8Array | string): string[] {
  const bundle =
    typeof pkcs7 === "string" ? new x509.X509Certificates(pkcs7) : new x509.X509Certificates(new Uint8Array(pkcs7));
  return bundle.map((certificate) => `${certificate.toString("pem")}\n`);
}

/**
 * The certificates of a download that should be PKCS#7 but whose encoding the provider does not pin down: DER,
 * PKCS#7 in PEM armour, or plain PEM certificates. Throws what the parser throws when it is none of them.
 */
export function certificatesOfPkcs7Download(bytes: Uint8Array): string[] {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (!head.startsWith("-----BEGIN")) return pemCertificatesFromPkcs7(bytes);
  const text = new TextDecoder().decode(bytes);
  return text.includes("-----BEGIN CERTIFICATE-----") ? pemCertificatesIn(text) : pemCertificatesFromPkcs7(text);
}
