import { createCertificateClient, type CertificateClient, type ProviderName } from "@certkit/certificates";
import { dnsimple, type DnsimpleAdapterOptions } from "@certkit/certificates/dnsimple";
import { dnsimpleV1, type DnsimpleV1AdapterOptions } from "@certkit/certificates/dnsimple-v1";
import { ionosSsl, type IonosSslAdapterOptions } from "@certkit/certificates/ionos-ssl";
import { resello, type ReselloAdapterOptions } from "@certkit/certificates/resello";
import { sslmarket, type SslmarketAdapterOptions } from "@certkit/certificates/sslmarket";

/**
 * A certificate client from a provider's adapter options as configuration gives them (JSON values). Each adapter
 * checks its options and throws `INVALID_INPUT`, naming the option, before any request.
 */
export function adapterClient(provider: ProviderName, options: Record<string, unknown>): CertificateClient {
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
