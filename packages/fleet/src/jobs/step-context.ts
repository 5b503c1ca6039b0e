import type { PublisherSpec } from "../config/fleet-file-schema.js";
import type { ProviderConnector } from "../providers/provider-connector.js";
import type { ValidationPublisher } from "../publishers/validation-publisher.js";
import type { CertificateSpec } from "../config/certificate-spec.js";
import type { CertificateRow, CertificateState, FleetStore, Step } from "../store/fleet-store.js";
import type { StepJob } from "./fleet-queues.js";
import type { FleetTiming } from "./fleet-timing.js";

/** What a certificate's row changes to when a step is done, besides its next step. */
export interface StepChange {
  state: CertificateState;
  orderId?: string;
  validUntil?: Date | null;
  deliveredGeneration?: number;
  /**
   * The spec the step acted on: the change is made only while it is still the certificate's (an `apply` meanwhile
   * may have changed where it is delivered, and the step must then run again with the new one).
   */
  actedOn?: CertificateSpec;
}

/** What comes next: a step, not before `at`. */
export interface NextStep {
  step: Step;
  at?: Date;
  waits?: number;
}

/** What every step is given. */
export interface StepContext {
  store: FleetStore;
  connector: ProviderConnector;
  publisherFor(spec: PublisherSpec): ValidationPublisher;
  timing: FleetTiming;
  /** How many jobs of `account` may run at once, across every worker. */
  accountConcurrency(account: string): number;
  now(): Date;
  /** Aborted when the worker stops without waiting (a second Ctrl-C). */
  signal: AbortSignal;
  /**
   * Records the step's outcome and sends the next step's job, in one transaction: either both happen or neither.
   * Does nothing when the certificate moved to another generation or past `job`'s step (or was removed) meanwhile: a
   * job run twice moves the certificate on once.
   */
  moveOn(row: CertificateRow, job: StepJob, change: StepChange, next: NextStep | null): Promise<void>;
  /**
   * Runs `work` while holding a lock on the certificate generation's purchase, held by the database session: two
   * workers never buy for the same generation at once, and a worker that dies lets go of it. Resolves `false`
   * (without running `work`) when another worker holds it.
   */
  withPurchaseLock(job: StepJob, work: () => Promise<void>): Promise<boolean>;
}
