import type { CertificateOrder, CertificateStatus } from "../../src/index.js";

/** An order in `status`, as an adapter would return it, for tests of what the facade does around adapters. */
export function orderIn(status: CertificateStatus, extra: Partial<CertificateOrder> = {}): CertificateOrder {
  return {
    provider: "ionos-ssl",
    id: "order-1",
    commonName: "shop.example.com",
    altNames: [],
    status,
    providerStatus: status.toUpperCase(),
    validation: [],
    raw: {},
    ...extra,
  };
}
