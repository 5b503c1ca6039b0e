import "reflect-metadata";
import * as x509 from "@peculiar/x509";

/** Key types a generated CSR can have. `rsa-1024` is too weak for any CA: it exists to test that they refuse it. */
export type CsrKeyType = "rsa-1024" | "rsa-2048" | "rsa-3072" | "ec-p256" | "ec-p384";

/** A CSR and the private key it was made with, both PEM. */
export interface GeneratedCsr {
  csr: string;
  /** PKCS#8 PEM. Keep it secret: it is the certificate's private key. */
  privateKey: string;
}

const ALGORITHMS = {
  "rsa-1024": {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 1024,
  },
  "rsa-2048": {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  },
  "rsa-3072": {
    name: "RSASSA-PKCS1-v1_5",
    hash: "SHA-256",
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 3072,
  },
  "ec-p256": { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" },
  "ec-p384": { name: "ECDSA", namedCurve: "P-384", hash: "SHA-384" },
} as const;

/**
 * Makes a fresh key and a CSR for `commonName` (first SAN) and `altNames`, as a customer would with openssl, so
 * tests and the demo can order certificates the way real users do.
 */
export async function generateCsr(options: {
  commonName: string;
  altNames?: readonly string[];
  keyType?: CsrKeyType;
}): Promise<GeneratedCsr> {
  const algorithm = ALGORITHMS[options.keyType ?? "rsa-2048"];
  const keys = await crypto.subtle.generateKey(algorithm, true, ["sign", "verify"]);
  const names = [...new Set([options.commonName, ...(options.altNames ?? [])])];
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${options.commonName}`,
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns" as const, value })))],
  });
  return {
    csr: csr.toString("pem"),
    privateKey: x509.PemConverter.encode(await crypto.subtle.exportKey("pkcs8", keys.privateKey), "PRIVATE KEY"),
  };
}
