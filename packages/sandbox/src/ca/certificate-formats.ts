import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { strToU8, zipSync } from "fflate";

/** The certificates of PEM text, in order. */
function certificatesOf(pems: readonly string[]): x509.X509Certificate[] {
  return pems.flatMap((pem) =>
    x509.PemConverter.decodeWithHeaders(pem)
      .filter((block) => block.type === "CERTIFICATE")
      .map((block) => new x509.X509Certificate(block.rawData)),
  );
}

/**
 * A PKCS#7 (P7B) bundle of certificates, as CAs hand out chains: DER bytes, or PEM text (`-----BEGIN PKCS7-----`).
 * `openssl pkcs7 -print_certs` reads both.
 */
export function toPkcs7(pems: readonly string[], encoding: "der"): Uint8Array;
export function toPkcs7(pems: readonly string[], encoding: "pem"): string;
export function toPkcs7(pems: readonly string[], encoding: "der" | "pem"): Uint8Array | string {
  const bundle = new x509.X509Certificates(certificatesOf(pems));
  return encoding === "der" ? new Uint8Array(bundle.export("raw")) : bundle.export("pem");
}

/** A zip archive of named files, as providers that offer a "download all" zip send it. */
export function toZip(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, content]) => [name, typeof content === "string" ? strToU8(content) : content]),
    ),
  );
}
