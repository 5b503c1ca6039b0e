// Loaded with import() only, by download(): the X.509 stack stays out of the code that reads orders.
// @peculiar/x509 resolves its ASN.1 codecs through tsyringe, which needs the Reflect metadata API.
import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import { CertkitError } from "@certkit/runtime";
import type { DownloadedCertificates } from "../adapter.js";
import type { CertificateBundle, ProviderName } from "../certificate-order.js";
import { normalizeDomainName } from "../checks/normalize-domain-name.js";
import { matchPrivateKey } from "./private-key-match.js";

function parse(pem: string, provider: ProviderName): x509.X509Certificate {
  try {
    return new x509.X509Certificate(pem);
  } catch (cause) {
    throw new CertkitError({
      code: "PROVIDER",
      provider,
      message: `${provider} sent a certificate that does not parse as X.509`,
      cause,
    });
  }
}

const isSelfSigned = (certificate: x509.X509Certificate) => certificate.subject === certificate.issuer;

/**
 * A name as orders send it (lower case, punycode, no final dot), an IPv6 address in the one form the URL parser gives
 * it (`2001:DB8:0::1` is `[2001:db8::1]`), or anything else as it is in lower case.
 */
function comparable(name: string): string {
  const checked = normalizeDomainName(name);
  if (checked.ok) return checked.name;
  if (/^[\da-f:.]+$/i.test(name) && name.includes(":")) {
    try {
      return new URL(`http://[${name}]`).hostname;
    } catch {
      // Not an IPv6 address: compared as it is.
    }
  }
  return name.toLowerCase();
}

/**
 * The names a certificate holds for TLS: its subjectAltName DNS names and IP addresses (a certificate for an IP
 * address, as ZeroSSL issues, holds it as one) and its common names.
 */
function namesIn(certificate: x509.X509Certificate): Set<string> {
  const san = certificate.getExtension(x509.SubjectAlternativeNameExtension);
  const sanNames = (san?.names.items ?? [])
    .filter((item) => item.type === "dns" || item.type === "ip")
    .map((item) => item.value);
  return new Set([...sanNames, ...certificate.subjectName.getField("CN")].map(comparable));
}

/**
 * Orders what a provider sent into leaf → intermediates → root, whatever order it came in, and checks each link's
 * signature, that the leaf holds every name of the order (`orderNames`; a CA may add more, such as the bare domain
 * of a `www.` name), and that a private key sent with it is the leaf's: a bundle that does not chain, is for other
 * names, or whose key belongs to another certificate, is the provider's error, not something to install on a server.
 */
export async function assembleBundle(
  downloaded: DownloadedCertificates,
  provider: ProviderName,
  orderNames: readonly string[],
): Promise<CertificateBundle> {
  const unique = new Map<string, x509.X509Certificate>();
  for (const pem of downloaded.certificates) {
    const certificate = parse(pem, provider);
    unique.set(certificate.toString("base64"), certificate);
  }
  const certificates = [...unique.values()];
  // The leaf is the one certificate that issued none of the others.
  const leaves = certificates.filter(
    (certificate) =>
      !isSelfSigned(certificate) &&
      !certificates.some((other) => other !== certificate && other.issuer === certificate.subject),
  );
  if (leaves.length !== 1) {
    throw new CertkitError({
      code: "PROVIDER",
      provider,
      message: `${provider} sent ${certificates.length} certificates with ${leaves.length} leaves: expected one leaf and its chain`,
    });
  }
  const path = [leaves[0]!];
  for (;;) {
    const current = path.at(-1)!;
    if (isSelfSigned(current)) break;
    const issuer = certificates.find((candidate) => candidate.subject === current.issuer && !path.includes(candidate));
    if (!issuer) break;
    if (!(await current.verify({ publicKey: issuer.publicKey, signatureOnly: true }))) {
      throw new CertkitError({
        code: "PROVIDER",
        provider,
        message: `${provider} sent a chain that does not verify: ${current.subject} is not signed by ${issuer.subject}`,
      });
    }
    path.push(issuer);
  }
  if (path.length < certificates.length) {
    throw new CertkitError({
      code: "PROVIDER",
      provider,
      message: `${provider} sent certificates that are not part of the leaf's chain`,
    });
  }
  const held = namesIn(path[0]!);
  const missing = orderNames.filter((name) => name !== "" && !held.has(comparable(name)));
  if (missing.length > 0) {
    throw new CertkitError({
      code: "PROVIDER",
      provider,
      // The names come from the provider: quoted, and cut at a domain name's longest, so none can flood the message.
      message: `${provider} sent a certificate that lacks names of its order: ${missing
        .slice(0, 5)
        .map((name) => JSON.stringify(name.slice(0, 253)))
        .join(", ")}${missing.length > 5 ? `, and ${missing.length - 5} more` : ""}`,
    });
  }
  const { privateKey } = downloaded;
  if (privateKey !== undefined) {
    const match = await matchPrivateKey(privateKey, path[0]!);
    if (match === "unreadable" || match === "differs") {
      throw new CertkitError({
        code: "PROVIDER",
        provider,
        message:
          match === "unreadable"
            ? `${provider} sent a private key that is not one PEM private key (PKCS#8, PKCS#1 or SEC1)`
            : `${provider} sent a private key that is not the key of its certificate`,
      });
    }
  }
  const [leaf, ...rest] = path.map((certificate) => `${certificate.toString("pem")}\n`);
  const last = path.at(-1)!;
  const root = path.length > 1 && isSelfSigned(last) ? rest.pop() : undefined;
  return {
    certificate: leaf!,
    chain: rest,
    ...(root === undefined ? {} : { root }),
    ...(privateKey === undefined ? {} : { privateKey }),
  };
}
