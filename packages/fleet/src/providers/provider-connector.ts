import type { CertificateClient, ProviderName } from "@certkit/certificates";

/**
 * Where the fleet gets a certificate client for a provider account. The fleet never stores credentials: the
 * connector reads them (from the environment, a config file, a secrets manager) each time a worker starts.
 * The built-in one is {@link createAccountConnector}; pass your own to `createFleet` to read credentials elsewhere.
 */
export interface ProviderConnector {
  /**
   * The client for `account` at `provider`. Called once per account and worker; the client is then shared by the
   * worker's jobs, so its rate-limit gate and concurrency cap count them all.
   * @throws CertkitError `INVALID_INPUT` when the account is unknown or its credentials are missing.
   */
  client(provider: ProviderName, account: string): CertificateClient;
}
