import { createCertificateClient, type CertificateClient, type ProviderName } from "@certkit/certificates";
import { dnsimple, type DnsimpleAdapterOptions } from "@certkit/certificates/dnsimple";
import { dnsimpleV1, type DnsimpleV1AdapterOptions } from "@certkit/certificates/dnsimple-v1";
import { ionosSsl, type IonosSslAdapterOptions } from "@certkit/certificates/ionos-ssl";
import { resello, type ReselloAdapterOptions } from "@certkit/certificates/resello";
import { sslmarket, type SslmarketAdapterOptions } from "@certkit/certificates/sslmarket";
import type { ClientEventListener } from "@certkit/runtime";
import type { ProviderSettings } from "../config/provider-settings.js";
import { PACKAGE_VERSION } from "../version.js";

/**
 * A certificate client for one provider from its configured settings. The settings come from JSON (a file, the
 * environment), so they are handed to the adapter as they are: each adapter checks its options and throws
 * `INVALID_INPUT`, naming the option, before any request.
 * @param extra.onEvent - sees every request (for `--verbose`)
 * @param extra.fetch - sends the requests (the embedded sandbox's, which keeps its state file in step)
 */
export function createProviderClient(
  provider: ProviderName,
  settings: ProviderSettings,
  extra: { onEvent?: ClientEventListener | undefined; fetch?: typeof globalThis.fetch | undefined } = {},
): CertificateClient {
  const { onEvent, fetch: send } = extra;
  const options = { userAgent: `certkit-cli/${PACKAGE_VERSION}`, ...settings, ...(onEvent === undefined ? {} : { onEvent }), ...(send === undefined ? {} : { fetch: send }) };
  switch (provider) {
    case "ionos-ssl":
      return createCertificateClient(ionosSsl(options as unknown as IonosSslAdapterOptions));
    case "dnsimple":
      return createCertificateClient(dnsimple(options as unknown as DnsimpleAdapterOptions));
    case "dnsimple-v1":
      return createCertificateClient(dnsimpleV1(options as unknown as DnsimpleV1AdapterOptions));
    case "resello":
      return createCertificateClient(resello(options as unknown as ReselloAdapterOptions));
    case "sslmarket":
      return createCertificateClient(sslmarket(options as unknown as SslmarketAdapterOptions));
  }
}
