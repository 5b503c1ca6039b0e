import { createCertificateClient, type CertificateClient, type ProviderName } from "@certkit/certificates";
import { providerNamed, type ProviderDescriptor } from "@certkit/certificates/providers";
import type { ClientEventListener } from "@certkit/runtime";
import type { ProviderSettings } from "../config/provider-settings.js";
import { PACKAGE_VERSION } from "../version.js";

/**
 * A certificate client for one provider from its configured settings. The settings come from JSON (a file, the
 * environment), so they are handed to the provider's adapter as they are: each adapter checks its options and
 * throws `INVALID_INPUT`, naming the option, before any request.
 * @param extra.onEvent - sees every request (for `--verbose`)
 * @param extra.fetch - sends the requests (the embedded sandbox's, which keeps its state file in step)
 */
export function createProviderClient(
  provider: ProviderName,
  settings: ProviderSettings,
  extra: { onEvent?: ClientEventListener | undefined; fetch?: typeof globalThis.fetch | undefined } = {},
): CertificateClient {
  const { onEvent, fetch: send } = extra;
  const options = {
    userAgent: `certkit-cli/${PACKAGE_VERSION}`,
    ...settings,
    ...(onEvent === undefined ? {} : { onEvent }),
    ...(send === undefined ? {} : { fetch: send }),
  };
  const descriptor: ProviderDescriptor = providerNamed(provider);
  return createCertificateClient(descriptor.createAdapter(options));
}
