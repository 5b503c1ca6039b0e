import type { Certificate, CertificateQuota } from "@certkit/ionos-ssl";
import type { IonosCertificateType } from "./ionos-ssl-spec-types.js";
import { IONOS_CERTIFICATE_TYPES, type IonosOrder } from "./ionos-ssl-state.js";

/** The certificate as the API shows it at `now`: `ACTIVE` with its certificate and chain once the CA's answer is due. */
export function certificateView(order: IonosOrder, now: Date): Certificate {
  const active = order.issued !== undefined && order.activeAt !== undefined && new Date(order.activeAt) <= now;
  const base: Certificate = {
    id: order.id,
    certificateType: order.certificateType,
    authenticationMethod: order.authentication.method,
    authenticationSummary: { ...order.authentication },
    status: active ? "ACTIVE" : "PENDING",
    commonName: order.commonName,
    alternativeNames: [],
    links: [{ rel: "self", href: `/v1/certificates/${order.id}` }],
  };
  if (!active || !order.issued) return base;
  return {
    ...base,
    validFrom: order.issued.validFrom,
    validUntil: order.issued.validUntil,
    serialNumber: order.issued.serialNumber,
    caOrderId: `sandbox-${order.id.slice(0, 8)}`,
    certificate: order.issued.certificate,
    caCertificates: [
      { type: "INTERMEDIATE", certificate: order.issued.intermediate },
      { type: "ROOT", certificate: order.issued.root },
    ],
  };
}

/** The quota as `GET /v1/certificates/quota` shows it: the slots bought and used, per type and in all. */
export function quotaView(
  slots: Partial<Record<IonosCertificateType, number>>,
  used: (type: IonosCertificateType) => number,
): CertificateQuota {
  const quotaDetails = IONOS_CERTIFICATE_TYPES.map((type) => ({ type, total: slots[type] ?? 0, used: used(type) }));
  const total = quotaDetails.reduce((sum, detail) => sum + detail.total, 0);
  const usedInAll = quotaDetails.reduce((sum, detail) => sum + detail.used, 0);
  return { total, used: usedInAll, quotaDetails, flatrate: { used: 0, present: false } };
}
