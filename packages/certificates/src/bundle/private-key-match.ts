// Loaded with import() only, with assembleBundle: the X.509 stack stays out of the code that reads orders.
import { PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import * as x509 from "@peculiar/x509";

/** Whether a private key is the one of a certificate: `unreadable` when it is not one PEM private key WebCrypto takes. */
export type PrivateKeyMatch = "matches" | "differs" | "unreadable" | "unchecked";

/** The PEM labels of a private key: PKCS#8, and the PKCS#1 (RSA) and SEC1 (EC) forms providers also send. */
const KEY_LABELS = new Set(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"]);

/** The curves WebCrypto has. */
const WEBCRYPTO_CURVES = new Set(["P-256", "P-384", "P-521"]);

/**
 * How to import a key of the certificate's kind, or `undefined` for kinds WebCrypto cannot import and no CA issues for
 * TLS (left unchecked): Ed25519, other curves (secp256k1, brainpool) and RSA-PSS keys (id-RSASSA-PSS, not
 * rsaEncryption), whose own key would otherwise be taken for another.
 */
function importParams(leafKey: x509.PublicKey): RsaHashedImportParams | EcKeyImportParams | undefined {
  const { name, namedCurve } = leafKey.algorithm as { name?: string; namedCurve?: string };
  if (name === "RSASSA-PKCS1-v1_5") return { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  if (name === "ECDSA" && namedCurve !== undefined && WEBCRYPTO_CURVES.has(namedCurve))
    return { name: "ECDSA", namedCurve };
  return undefined;
}

/** The public half of a JWK, in a form two keys can be compared by. */
function publicPart(jwk: JsonWebKey): string {
  return jwk.kty === "RSA" ? `RSA ${jwk.n} ${jwk.e}` : `${jwk.kty} ${jwk.crv} ${jwk.x} ${jwk.y}`;
}

/**
 * Whether `privateKeyPem` is the key of `leaf`, compared by their public halves through WebCrypto: a provider's key
 * that belongs to another certificate would be installed beside this one and break every TLS handshake. A PKCS#1 or
 * SEC1 key is read as PKCS#8 with the certificate's own algorithm identifier (what those forms leave out).
 */
export async function matchPrivateKey(privateKeyPem: string, leaf: x509.X509Certificate): Promise<PrivateKeyMatch> {
  let blocks: x509.PemStruct[];
  try {
    // `openssl ecparam -genkey` writes the curve as an EC PARAMETERS block before the key: servers skip it, as here.
    blocks = x509.PemConverter.decodeWithHeaders(privateKeyPem).filter((block) => block.type !== "EC PARAMETERS");
  } catch {
    return "unreadable";
  }
  const [block] = blocks;
  if (blocks.length !== 1 || block === undefined || !KEY_LABELS.has(block.type)) return "unreadable";
  const params = importParams(leaf.publicKey);
  if (params === undefined) return "unchecked";
  const subtle = x509.cryptoProvider.get().subtle;
  let privateJwk: JsonWebKey;
  try {
    const spki = AsnConvert.parse(leaf.publicKey.rawData, SubjectPublicKeyInfo);
    const pkcs8 =
      block.type === "PRIVATE KEY"
        ? block.rawData
        : AsnConvert.serialize(
            new PrivateKeyInfo({
              privateKeyAlgorithm: spki.algorithm,
              privateKey: new OctetString(block.rawData),
            }),
          );
    const privateKey = await subtle.importKey("pkcs8", pkcs8, params, true, ["sign"]);
    privateJwk = await subtle.exportKey("jwk", privateKey);
  } catch {
    // A key WebCrypto cannot take as one of the certificate's kind (another kind, a broken key) is not its key.
    return "differs";
  }
  const publicJwk = await subtle.exportKey("jwk", await leaf.publicKey.export(params, ["verify"]));
  return publicPart(privateJwk) === publicPart(publicJwk) ? "matches" : "differs";
}
