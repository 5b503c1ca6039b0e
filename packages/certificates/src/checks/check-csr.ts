import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { normalizeDomainName } from "./normalize-domain-name.js";

/** The EC curves CAs accept for server certificates. */
const ACCEPTED_CURVES = ["P-256", "P-384"];
const MIN_RSA_BITS = 2048;

/** What is wrong with a CSR for these names, or `undefined` when a CA would take it. */
export async function csrProblem(pem: unknown, names: readonly string[]): Promise<string | undefined> {
  if (typeof pem !== "string" || !pem.includes("-----BEGIN CERTIFICATE REQUEST-----")) {
    return "must be a PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)";
  }
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(pem);
  } catch {
    return "does not parse as a PKCS#10 certificate signing request";
  }
  if (!(await csr.verify().catch(() => false))) return "has a signature that does not match its key";
  const algorithm = csr.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
  if (algorithm.name.startsWith("RSA")) {
    if ((algorithm.modulusLength ?? 0) < MIN_RSA_BITS) return `has an RSA key of ${algorithm.modulusLength} bits: CAs require ${MIN_RSA_BITS} or more`;
  } else if (algorithm.name === "ECDSA") {
    if (!ACCEPTED_CURVES.includes(algorithm.namedCurve ?? "")) return `uses the EC curve ${algorithm.namedCurve}: CAs accept ${ACCEPTED_CURVES.join(" and ")}`;
  } else {
    return `has a ${algorithm.name} key: CAs accept RSA (${MIN_RSA_BITS} bits or more) and EC (${ACCEPTED_CURVES.join(", ")})`;
  }
  const commonName = csr.subjectName.getField("CN")[0];
  const san = csr.extensions.find((extension) => extension instanceof x509.SubjectAlternativeNameExtension);
  const inCsr = new Set(
    [...(commonName ? [commonName] : []), ...(san?.names.items.filter((item) => item.type === "dns").map((item) => item.value) ?? [])]
      .map((name) => normalizeDomainName(name))
      .flatMap((check) => (check.ok ? [check.name] : [])),
  );
  const missing = names.filter((name) => !inCsr.has(name));
  if (missing.length > 0) return `does not name ${missing.join(", ")} (it names ${[...inCsr].join(", ") || "nothing"})`;
  return undefined;
}
