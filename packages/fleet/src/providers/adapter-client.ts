import { createCertificateClient, type CertificateClient, type ProviderName } from "@certkit/certificates";
import { providerNamed, type ProviderDescriptor } from "@certkit/certificates/providers";

/**
 * A certificate client from a provider's adapter options as configuration gives them (JSON values). Each adapter
 * checks its options and throws `INVALID_INPUT`, naming the option, before any request.
 */
export function adapterClient(provider: ProviderName, options: Record<string, unknown>): CertificateClient {
  const descriptor: ProviderDescriptor = providerNamed(provider);
  return createCertificateClient(descriptor.createAdapter(options));
}
