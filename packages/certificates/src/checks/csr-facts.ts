// Loaded with import() only, when an order, renew or reissue carries a CSR: the X.509 stack stays out of the code
// that reads orders. @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import type { CsrKey } from "../order-request.js";

/** What a parsed certificate request says, as plain values. */
export interface CsrFacts {
  /** Whether its signature verifies with its own key. */
  signatureValid: boolean;
  /** Its key, or the algorithm's name when it is neither RSA nor EC. */
  key: CsrKey | { type: "other"; algorithm: string };
  /** The subject's common names. */
  commonNames: string[];
  /** The DNS names of its subjectAltName extension. */
  dnsNames: string[];
  /** Its subjectAltName entries of other kinds (IP addresses, e-mail addresses, URIs), as `type:value`. */
  otherNames: string[];
}

/** Parses a DER PKCS#10 request, or says why it does not parse. */
export async function readCsrFacts(der: Uint8Array): Promise<CsrFacts | { problem: string }> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(new Uint8Array(der));
  } catch {
    return { problem: "does not parse as a PKCS#10 certificate signing request" };
  }
  const signatureValid = await csr.verify().catch(() => false);
  const algorithm = csr.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
  const key: CsrFacts["key"] = algorithm.name.startsWith("RSA")
    ? { type: "RSA", bits: algorithm.modulusLength ?? 0 }
    : algorithm.name === "ECDSA"
      ? { type: "EC", curve: algorithm.namedCurve ?? "" }
      : { type: "other", algorithm: algorithm.name };
  const san = csr.extensions.find((extension) => extension instanceof x509.SubjectAlternativeNameExtension);
  const items = san?.names.items ?? [];
  return {
    signatureValid,
    key,
    commonNames: csr.subjectName.getField("CN"),
    dnsNames: items.filter((item) => item.type === "dns").map((item) => item.value),
    otherNames: items.filter((item) => item.type !== "dns").map((item) => `${item.type}:${item.value}`),
  };
}
