/** What is delivered: an issued certificate, its chain and its key. */
export interface IssuedCertificate {
  key: string;
  names: string[];
  provider: string;
  orderId: string;
  generation: number;
  /** PEM: the leaf, then each intermediate from the leaf's issuer up. */
  certificate: string;
  chain: string[];
  /** PEM private key, where the fleet made it or the provider handed it out. */
  privateKey: string | null;
  validUntil: string | null;
}
