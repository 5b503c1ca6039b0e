import {
  CERTIFICATE_OPERATIONS,
  isCertkitError,
  type CertificateOrder,
  type CertkitError,
} from "@certkit/certificates";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatOrderRef } from "../order-ref.js";
import { UsageError } from "../usage-error.js";
import { orderFailureWords } from "./order-failure-words.js";
import type { Output } from "./output.js";

/**
 * A `CertkitError` said in the CLI's words (an order named `provider:id`, a duration in human units): printed with
 * this message, and reported otherwise (JSON, exit code, `--verbose` details) as the original.
 */
export class RestatedError extends Error {
  override readonly name = "RestatedError";

  constructor(
    readonly original: CertkitError,
    message: string,
  ) {
    super(message, { cause: original });
  }
}

/** The exit code for a failure: 2 for bad usage or input, 130 for Ctrl-C, 1 for anything else. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT.usage;
  const certkitError = error instanceof RestatedError ? error.original : error;
  if (isCertkitError(certkitError)) {
    if (certkitError.code === "INVALID_INPUT" || certkitError.code === "UNSUPPORTED") return EXIT.usage;
    if (certkitError.code === "ABORTED") return EXIT.interrupted;
  }
  return EXIT.failed;
}

const HINTS: Partial<Record<CertkitError["code"], string>> = {
  AUTH: "check the provider's credentials",
  RATE_LIMITED: "the provider limits requests: try again later",
  NETWORK: "the provider could not be reached",
};

/** The facade starts its input errors with the operation's name (`get: id must be…`): a name from the code, not the CLI's. */
const OPERATIONS = [...CERTIFICATE_OPERATIONS, "waitForStatus"].join("|");
const OPERATION_PREFIX = new RegExp(`^(?:${OPERATIONS}): `);
/** How the facade says its caller's signal ended an operation; at the shell, that is Ctrl-C. */
const OPERATION_ABORTED = new RegExp(`^(?:${OPERATIONS}) was aborted`);

/** What a person reads: the facade's message without its operation's name, after the order it concerns. */
function messageOf(error: CertkitError, subject: string | undefined): string {
  let message = error.message.replace(OPERATION_PREFIX, "").replace(OPERATION_ABORTED, "interrupted");
  if (subject === undefined || message.includes(subject)) return message;
  // The order's name says the provider already.
  if (message.startsWith(`${error.provider}: `)) message = message.slice(error.provider.length + 2);
  return `${subject}: ${message}`;
}

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
 * @param subject - the order the command worked on (`provider:id`), named in the message when it is not already
 */
export function reportFailure(error: unknown, output: Output, subject?: string): ExitCode {
  output.endProgress();
  const code = exitCodeOf(error);
  if (error instanceof UsageError) {
    output.note(`certkit: ${error.message}${error.hint === undefined ? "" : ` (see ${error.hint})`}`);
    output.json({ error: { code: "USAGE", message: error.message } });
    return code;
  }
  const certkitError = error instanceof RestatedError ? error.original : error;
  if (isCertkitError(certkitError)) {
    const ordered = orderFailureWords(certkitError);
    const message =
      error instanceof RestatedError ? error.message : (ordered?.message ?? messageOf(certkitError, subject));
    const hint = HINTS[certkitError.code];
    output.note(`certkit: ${message}${hint === undefined ? "" : ` (${hint})`}`);
    for (const line of details(certkitError)) output.verbose(`  ${line}`);
    // OrderEndedError carries the order (CertkitError's instanceof matches every CertkitError, so the field is checked).
    const ended = (certkitError as CertkitError & { order?: CertificateOrder }).order;
    const order = ended === undefined ? {} : { order: { ref: formatOrderRef(ended), status: ended.status } };
    const { provider, status, providerCode, requestId, retryable } = certkitError;
    output.json({
      error: {
        code: certkitError.code,
        provider,
        message,
        status,
        providerCode,
        requestId,
        retryable,
        ...order,
        ...ordered?.json,
      },
    });
    return code;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.note(`certkit: unexpected failure: ${message}`);
  if (error instanceof Error && error.stack) output.verbose(error.stack);
  output.json({ error: { code: "UNEXPECTED", message } });
  return code;
}
