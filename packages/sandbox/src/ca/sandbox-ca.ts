// @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";

const SIGNING = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;
const DAY_MS = 86_400_000;

/** A certificate the sandbox CA issued, with its chain, as JSON (PEM text and ISO 8601 times) so state can be saved. */
export interface IssuedCertificate {
  certificate: string;
  intermediate: string;
  root: string;
  serialNumber: string;
  validFrom: string;
  validUntil: string;
}

/** What the CA needs to issue a leaf: names and a public key (from the customer's CSR, or made by the sandbox). */
export interface LeafRequest {
  commonName: string;
  altNames: readonly string[];
  /** SPKI PEM, as {@link ParsedCsr.publicKey} or {@link GeneratedKey.publicKey}. */
  publicKey: string;
  validFrom: Date;
  validDays: number;
}

/** A key pair the sandbox made for a provider that generates keys for its customers, as PEM. */
export interface GeneratedKey {
  /** PKCS#8 PEM. */
  privateKey: string;
  /** SPKI PEM. */
  publicKey: string;
}

/** The CA's certificates and issuing key as PEM, so a restored sandbox keeps signing with the same chain. */
export interface SandboxCaState {
  root: string;
  intermediate: string;
  /** PKCS#8 PEM of the intermediate's private key. */
  intermediateKey: string;
  /** Revoked serial numbers → when (ISO 8601). */
  revoked: Record<string, string>;
}

/**
 * A small certificate authority of the sandbox's own: a root and an intermediate made at start, signing real X.509
 * leaves, so that downloaded bundles parse and verify like a real CA's (but chain to a root nobody trusts).
 */
export class SandboxCa {
  readonly #root: x509.X509Certificate;
  readonly #intermediate: x509.X509Certificate;
  readonly #intermediateKey: CryptoKey;
  readonly #revoked: Map<string, string>;

  private constructor(
    root: x509.X509Certificate,
    intermediate: x509.X509Certificate,
    intermediateKey: CryptoKey,
    revoked: Record<string, string> = {},
  ) {
    this.#root = root;
    this.#intermediate = intermediate;
    this.#intermediateKey = intermediateKey;
    this.#revoked = new Map(Object.entries(revoked));
  }

  /** Makes a new root and intermediate, valid from `now`. */
  static async create(now: Date): Promise<SandboxCa> {
    const rootKeys = await crypto.subtle.generateKey(SIGNING, true, ["sign", "verify"]);
    const intermediateKeys = await crypto.subtle.generateKey(SIGNING, true, ["sign", "verify"]);
    const notAfter = new Date(now.getTime() + 3650 * DAY_MS);
    const caUsage = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      name: "CN=certkit Sandbox Root CA, O=certkit sandbox",
      keys: rootKeys,
      notBefore: now,
      notAfter,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(true, 1, true),
        new x509.KeyUsagesExtension(caUsage, true),
        await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
      ],
    });
    const intermediate = await x509.X509CertificateGenerator.create({
      subject: "CN=certkit Sandbox Issuing CA, O=certkit sandbox",
      issuer: root.subject,
      publicKey: intermediateKeys.publicKey,
      signingKey: rootKeys.privateKey,
      notBefore: now,
      notAfter,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(caUsage, true),
        await x509.SubjectKeyIdentifierExtension.create(intermediateKeys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
      ],
    });
    return new SandboxCa(root, intermediate, intermediateKeys.privateKey);
  }

  /** Brings back a CA saved with {@link SandboxCa.snapshot}. */
  static async restore(state: SandboxCaState): Promise<SandboxCa> {
    const intermediateKey = await crypto.subtle.importKey(
      "pkcs8",
      x509.PemConverter.decodeFirst(state.intermediateKey),
      SIGNING,
      true,
      ["sign"],
    );
    return new SandboxCa(
      new x509.X509Certificate(state.root),
      new x509.X509Certificate(state.intermediate),
      intermediateKey,
      state.revoked,
    );
  }

  /** The CA as JSON; the root's key is not kept, as a restored CA only ever signs with the intermediate. */
  async snapshot(): Promise<SandboxCaState> {
    return {
      root: this.#root.toString("pem"),
      intermediate: this.#intermediate.toString("pem"),
      intermediateKey: x509.PemConverter.encode(
        await crypto.subtle.exportKey("pkcs8", this.#intermediateKey),
        "PRIVATE KEY",
      ),
      revoked: Object.fromEntries(this.#revoked),
    };
  }

  /**
   * Whether this CA's intermediate signed the PEM `certificate` (as an OCSP responder must know before it answers).
   * It takes PEM, not the X.509 library's class, so the sandbox's public types do not carry that library's typings
   * (which fail a consumer's `moduleResolution: node16` check).
   */
  async signed(certificate: string): Promise<boolean> {
    try {
      return await new x509.X509Certificate(certificate).verify({
        publicKey: this.#intermediate.publicKey,
        signatureOnly: true,
      });
    } catch {
      return false;
    }
  }

  /** Records that the certificate with `serialNumber` was revoked at `at` (the first time counts). */
  revoke(serialNumber: string, at: Date): void {
    if (!this.#revoked.has(serialNumber)) this.#revoked.set(serialNumber, at.toISOString());
  }

  /** When the certificate with `serialNumber` was revoked (ISO 8601), or `undefined` while it is good. */
  revokedAt(serialNumber: string): string | undefined {
    return this.#revoked.get(serialNumber);
  }

  /** The root certificate (PEM): what a test adds to its trust store to verify what the sandbox issued. */
  get rootCertificate(): string {
    return this.#root.toString("pem");
  }

  /**
   * Checks a PEM bundle (leaf first, then intermediates, as in a fullchain file) the way a TLS client would: each
   * certificate is signed by the next, the last by this CA's root, and the leaf is valid at `at`.
   */
  async verifyChain(bundle: string, at: Date): Promise<ChainVerification> {
    let certificates: x509.X509Certificate[];
    try {
      certificates = x509.PemConverter.decodeWithHeaders(bundle)
        .filter((block) => block.type === "CERTIFICATE")
        .map((block) => new x509.X509Certificate(block.rawData));
    } catch {
      return { ok: false, problem: "the bundle is not PEM certificates" };
    }
    const [leaf] = certificates;
    if (!leaf) return { ok: false, problem: "the bundle holds no certificate" };
    const issuers = [...certificates.slice(1), this.#root];
    for (const [index, certificate] of certificates.entries()) {
      const issuer = issuers[index]!;
      if (!(await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true }))) {
        return { ok: false, problem: `${certificate.subject} is not signed by ${issuer.subject}` };
      }
    }
    if (at < leaf.notBefore || at > leaf.notAfter)
      return { ok: false, problem: `${leaf.subject} is not valid at ${at.toISOString()}` };
    const san = leaf.getExtension(x509.SubjectAlternativeNameExtension);
    const names = san?.names.items.filter((name) => name.type === "dns").map((name) => name.value) ?? [];
    return { ok: true, subject: leaf.subject, names, notAfter: leaf.notAfter };
  }

  /**
   * Makes a key pair for a certificate whose key the provider generates (the customer sent no CSR).
   * ECDSA P-256: quick to make, and as good as RSA 2048 for a sandbox.
   */
  async generateKey(): Promise<GeneratedKey> {
    const keys = await crypto.subtle.generateKey(SIGNING, true, ["sign", "verify"]);
    return {
      privateKey: x509.PemConverter.encode(await crypto.subtle.exportKey("pkcs8", keys.privateKey), "PRIVATE KEY"),
      publicKey: x509.PemConverter.encode(await crypto.subtle.exportKey("spki", keys.publicKey), "PUBLIC KEY"),
    };
  }

  /** Signs a server certificate for the given names. */
  async issue(request: LeafRequest): Promise<IssuedCertificate> {
    const validUntil = new Date(request.validFrom.getTime() + request.validDays * DAY_MS);
    const names = [...new Set([request.commonName, ...request.altNames])];
    const leaf = await x509.X509CertificateGenerator.create({
      subject: `CN=${request.commonName}`,
      issuer: this.#intermediate.subject,
      publicKey: new x509.PublicKey(request.publicKey),
      signingKey: this.#intermediateKey,
      notBefore: request.validFrom,
      notAfter: validUntil,
      signingAlgorithm: SIGNING,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns" as const, value }))),
        await x509.AuthorityKeyIdentifierExtension.create(this.#intermediate.publicKey),
      ],
    });
    return {
      certificate: leaf.toString("pem"),
      intermediate: this.#intermediate.toString("pem"),
      root: this.#root.toString("pem"),
      serialNumber: leaf.serialNumber,
      validFrom: request.validFrom.toISOString(),
      validUntil: validUntil.toISOString(),
    };
  }
}

/** The outcome of {@link SandboxCa.verifyChain}. */
export type ChainVerification =
  | { ok: true; subject: string; names: string[]; notAfter: Date }
  | { ok: false; problem: string };

/** What the sandbox read from a customer's CSR. */
export interface ParsedCsr {
  /** SPKI PEM. */
  publicKey: string;
  /** `rsa` with its modulus size, or `ec` with its curve. */
  key: { type: "rsa"; bits: number } | { type: "ec"; curve: string };
  /** The subject's CN and the SAN DNS names, without repeats. */
  names: string[];
}

/**
 * Parses a PEM CSR as a CA would: it must parse and carry a valid self-signature. Returns a reason instead of
 * throwing, for the simulator to answer with; key rules are each provider's own and are left to the simulator.
 */
export async function parseCsr(pem: string): Promise<ParsedCsr | { problem: string }> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(pem);
  } catch {
    return { problem: "The CSR could not be parsed." };
  }
  if (!(await csr.verify())) return { problem: "The CSR signature is invalid." };
  const algorithm = csr.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
  const key: ParsedCsr["key"] = algorithm.name.startsWith("RSA")
    ? { type: "rsa", bits: algorithm.modulusLength ?? 0 }
    : { type: "ec", curve: algorithm.namedCurve ?? "unknown" };
  const commonName = csr.subjectName.getField("CN")[0];
  const san = csr.extensions.find((extension) => extension instanceof x509.SubjectAlternativeNameExtension);
  const dnsNames = san?.names.items.filter((name) => name.type === "dns").map((name) => name.value) ?? [];
  return {
    publicKey: csr.publicKey.toString("pem"),
    key,
    names: [...new Set([...(commonName ? [commonName] : []), ...dnsNames])],
  };
}
