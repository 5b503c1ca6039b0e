import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import type { CertificateOwner, CsrSubject, DecodedCertificate, DecodedCsr } from "@certkit/sslmarket";
import { parseCsr } from "../../ca/sandbox-ca.js";
import { sslmarketDateTime } from "./sslmarket-views.js";

const SUBJECT_FIELDS = ["CN", "O", "L", "ST", "C", "OU"] as const;
// The decoders answer as PHP's openssl extension reports a key: its type as OPENSSL_KEYTYPE_* (RSA 0, EC 3).
const OPENSSL_KEY_TYPES = { RSA: 0, EC: 3 } as const;
const CURVE_BITS: Record<string, number> = { "P-256": 256, "P-384": 384, "P-521": 521 };

interface KeyAlgorithm {
  name: string;
  modulusLength?: number;
  namedCurve?: string;
}

/** A key's algorithm (`RSA` or `EC`) and size in bits. */
function describeKey(algorithm: KeyAlgorithm): { type: keyof typeof OPENSSL_KEY_TYPES; bits: number } {
  return algorithm.name.startsWith("RSA")
    ? { type: "RSA", bits: algorithm.modulusLength ?? 0 }
    : { type: "EC", bits: CURVE_BITS[algorithm.namedCurve ?? ""] ?? 0 };
}

function dnsNamesOf(extensions: readonly x509.Extension[]): string[] {
  const san = extensions.find((extension) => extension instanceof x509.SubjectAlternativeNameExtension);
  return san?.names.items.filter((name) => name.type === "dns").map((name) => name.value) ?? [];
}

/** What `POST /tool/decoder/csr` shows of a PEM CSR, or why it cannot be read. */
export async function decodeCsr(pem: string): Promise<DecodedCsr | { problem: string }> {
  const parsed = await parseCsr(pem);
  if ("problem" in parsed) return parsed;
  const csr = new x509.Pkcs10CertificateRequest(pem);
  const subject: CsrSubject = {};
  for (const field of SUBJECT_FIELDS) {
    const [value] = csr.subjectName.getField(field);
    if (value !== undefined) subject[field] = value;
  }
  const key = describeKey(csr.publicKey.algorithm);
  return {
    subject,
    pkey: { length: String(key.bits), alghoritm: key.type, pkey: parsed.publicKey },
    sans: dnsNamesOf(csr.extensions),
  };
}

/** The first certificate of PEM text, or `undefined` when there is none that parses. */
export function readCertificate(pem: string): x509.X509Certificate | undefined {
  try {
    const block = x509.PemConverter.decodeWithHeaders(pem).find((candidate) => candidate.type === "CERTIFICATE");
    return block ? new x509.X509Certificate(block.rawData) : undefined;
  } catch {
    return undefined;
  }
}

/** What `POST /tool/decoder/certificate` shows of a certificate. */
export function decodeCertificate(certificate: x509.X509Certificate): DecodedCertificate {
  const subject = certificate.subjectName;
  const owner: CertificateOwner = {};
  const ownerFields = { domain: "CN", organization: "O", city: "L", locality: "ST", country: "C" } as const;
  for (const [member, field] of Object.entries(ownerFields) as [keyof CertificateOwner, string][]) {
    const [value] = subject.getField(field);
    if (value !== undefined) owner[member] = value;
  }
  const key = describeKey(certificate.publicKey.algorithm);
  const serialHex = certificate.serialNumber.toUpperCase();
  return {
    owner,
    length: String(key.bits),
    alghoritm: OPENSSL_KEY_TYPES[key.type],
    // Undocumented beyond "array": the members PHP's openssl_pkey_get_details gives for every key type.
    pkey: { bits: key.bits, key: certificate.publicKey.toString("pem"), type: OPENSSL_KEY_TYPES[key.type] },
    sans: dnsNamesOf(certificate.extensions),
    valid_from: sslmarketDateTime(certificate.notBefore.toISOString()),
    valid_to: sslmarketDateTime(certificate.notAfter.toISOString()),
    serial_number: BigInt(`0x${serialHex}`).toString(10),
    serial_number_hex: serialHex,
  };
}
