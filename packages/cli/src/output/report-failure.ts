import { isCertkitError, type CertificateOrder, type CertkitError } from "@certkit/certificates";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatOrderRef } from "../order-ref.js";
import { UsageError } from "../usage-error.js";
import type { Output } from "./output.js";

/** The exit code for a failure: 2 for bad usage or input, 130 for Ctrl-C, 1 for anything else. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  if (isCertkitError(error)) {
    if (error.code === "INVALID_INPUT" || error.code === "UNSUPPORTED") return EXIT.usage;
    if (error.code === "ABORTED") return EXIT.interrupted;
  }
  return EXIT.failed;
}

const HINTS: Partial<Record<CertkitError["code"], string>> = {
  AUTH: "check the provider's credentials",
  RATE_LIMITED: "the provider limits requests: try again later",
  NETWORK: "the provider could not be reached",
};

/** Every detail of a CertkitError that helps with support, for `--verbose`. */
function details(error: CertkitError): string[] {
  const lines = [
    `code: ${error.code}`,
    `provider: ${error.provider}`,
    ...(error.status === undefined ? [] : [`HTTP status: ${error.status}`]),
    ...(error.providerCode === undefined ? [] : [`provider code: ${error.providerCode}`]),
    ...(error.requestId === undefined ? [] : [`request id: ${error.requestId}`]),
    `retryable: ${error.retryable}`,
    ...(error.effectUnknown ? ["the request may have taken effect: check before sending it again"] : []),
    ...Object.entries(error.fieldErrors ?? {}).map(([field, problems]) => `field ${field}: ${problems.join("; ")}`),
  ];
  for (let cause = error.cause; cause instanceof Error; cause = cause.cause) lines.push(`caused by: ${cause.message}`);
  return lines;
}

/**
 * Prints a failure as one line on stderr (`certkit: ...`), its details with `--verbose`, and with `--json` an
 * `{"error": {...}}` object on stdout; returns the exit code. Never prints a stack trace for an expected failure.
 */
export function reportFailure(error: unknown, output: Output): ExitCode {
  output.endProgress();
  const code = exitCodeOf(error);
  if (error instanceof UsageError) {
    output.note(`certkit: ${error.message}`);
    if (error.hint !== undefined) output.note(`  (see ${error.hint})`);
    output.json({ error: { code: "USAGE", message: error.message } });
    return code;
  }
  if (isCertkitError(error)) {
    const hint = HINTS[error.code];
    output.note(`certkit: ${error.message}${hint === undefined ? "" : ` (${hint})`}`);
    for (const line of details(error)) output.verbose(`  ${line}`);
    // OrderEndedError carries the order (CertkitError's instanceof matches every CertkitError, so the field is checked).
    const ended = (error as CertkitError & { order?: CertificateOrder }).order;
    const order = ended === undefined ? {} : { order: { ref: formatOrderRef(ended), status: ended.status } };
    output.json({
      error: { code: error.code, provider: error.provider, message: error.message, status: error.status, providerCode: error.providerCode, requestId: error.requestId, retryable: error.retryable, ...order },
    });
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.note(`certkit: unexpected failure: ${message}`);
  if (error instanceof Error && error.stack) output.verbose(error.stack);
  output.json({ error: { code: "UNEXPECTED", message } });
  return code;
}
