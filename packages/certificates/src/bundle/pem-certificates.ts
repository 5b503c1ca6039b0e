const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g;

/** The PEM certificates in a text (a fullchain file, a JSON field, a CA bundle), in the order they appear. */
export function pemCertificatesIn(text: string): string[] {
  return [...text.matchAll(PEM_CERTIFICATE)].map(([block]) => `${block}\n`);
}
