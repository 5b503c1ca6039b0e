/** A step that cannot succeed by trying again (the provider refused the order, the order ended): the certificate fails. */
export class StepRefused extends Error {
  override readonly name = "StepRefused";
}
