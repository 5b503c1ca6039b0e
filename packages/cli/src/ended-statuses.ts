import { ENDED_STATUSES, type CertificateStatus } from "@certkit/certificates";

/** Whether an order in this status has ended for good: it is in use no more, and waiting on it is over. */
export function isEnded(status: CertificateStatus): boolean {
  return (ENDED_STATUSES as readonly CertificateStatus[]).includes(status);
}
