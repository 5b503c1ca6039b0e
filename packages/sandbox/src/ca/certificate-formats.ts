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

// A zip dates its files in MS-DOS form, which holds only the years 1980 to 2099.
const ZIP_EARLIEST = Date.UTC(1980, 0, 2);
const ZIP_LATEST = Date.UTC(2099, 11, 30);

/**
 * A zip archive of named files, as providers that offer a "download all" zip send it. Each file is dated `madeAt`
 * (default: now; the simulators pass the sandbox's time, so a frozen clock gives the same bytes every time), kept
 * within the years a zip can hold.
 */
export function toZip(files: Record<string, string | Uint8Array>, madeAt: Date = new Date()): Uint8Array {
  const mtime = Math.min(Math.max(madeAt.getTime(), ZIP_EARLIEST), ZIP_LATEST);
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, content]) => [name, typeof content === "string" ? strToU8(content) : content]),
    ),
    { mtime },
  );
}
