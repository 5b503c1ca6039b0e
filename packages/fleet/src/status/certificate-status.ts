import type { CertificateRow, CertificateState, Step } from "../store/fleet-store.js";

/** One certificate as `status` shows it (and prints with `--json`). */
export interface CertificateStatusView {
  key: string;
  names: string[];
  provider: string;
  account: string;
  generation: number;
  state: CertificateState;
  orderId: string | null;
  /** ISO 8601, once known. */
  validUntil: string | null;
  /** The next step and when it is due (ISO 8601); `null` when nothing is planned (failed, removed). */
  nextStep: Step | null;
  nextStepAt: string | null;
  lastError: string | null;
}

/** The status view of a store row. */
export function certificateStatus(row: CertificateRow): CertificateStatusView {
  return {
    key: row.key,
    names: row.spec.names,
    provider: row.spec.provider,
    account: row.spec.account,
    generation: row.generation,
    state: row.state,
    orderId: row.orderId,
    validUntil: row.validUntil?.toISOString() ?? null,
    nextStep: row.nextStep,
    nextStepAt: row.nextStepAt?.toISOString() ?? null,
    lastError: row.lastError,
  };
}
