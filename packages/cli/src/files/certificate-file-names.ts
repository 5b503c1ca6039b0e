/** The files `certkit download` writes, named as certbot names them, so server configs written for it fit. */
export const CERTIFICATE_FILES = {
  certificate: "cert.pem",
  chain: "chain.pem",
  fullchain: "fullchain.pem",
  privateKey: "privkey.pem",
  csr: "request.csr",
} as const;

/** Mode of a private key file: the owner alone may read it. */
export const PRIVATE_KEY_MODE = 0o600;
/** Mode of certificates and CSRs, which are public. */
export const PUBLIC_FILE_MODE = 0o644;
