import type { CertificateStatus } from "@certkit/certificates";

// The facade's ENDED_STATUSES, which its index does not export (its OrderEndedError is what waitForStatus throws on them).
const ENDED: readonly CertificateStatus[] = ["failed", "cancelled", "revoked"];

/** Whether an order in this status has ended for good: it is in use no more, and waiting on it is over. */
export function isEnded(status: CertificateStatus): boolean {
  return ENDED.includes(status);
}
