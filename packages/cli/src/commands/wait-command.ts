import {
  CERTIFICATE_STATUSES,
  CertkitError,
  isCertkitError,
  waitForStatus,
  type OrderEndedError,
  type CertificateOrder,
  type CertificateStatus,
} from "@certkit/certificates";
import { didYouMean } from "../arguments/closest-name.js";
import { parseDuration } from "../arguments/parse-duration.js";
import { isEnded } from "../ended-statuses.js";
import { EXIT } from "../exit-codes.js";
import { formatDuration } from "../output/format-duration.js";
import { orderJson } from "../output/order-view.js";
import { RestatedError } from "../output/report-failure.js";
import { WaitProgress } from "../output/wait-progress.js";
import { UsageError } from "../usage-error.js";
import { PROVIDER_OPTION, type Command } from "./command.js";
import { orderTarget } from "./order-target.js";
import { validationToDo } from "./validation-to-do.js";
import { DAY_MS, HOUR_MS } from "@certkit/runtime";
import { shellArgument } from "../output/shell-argument.js";

// A sandbox answers at once and issues in seconds; a real CA takes minutes, and polling it fast spends its rate limit.
const SANDBOX_INTERVAL = "500ms";
const PROVIDER_INTERVAL = "5s";
const DEFAULT_TIMEOUT = "1h";
/** The longest pause between two looks, unless --interval asks for a longer first one. */
const MAX_INTERVAL_MS = 60_000;
/**
 * Bounds that keep every pause within Node's timer (2^31 - 1 ms, about 24.8 days: a longer one fires at once) and
 * keep a wait from turning into a busy loop.
 */
const TIMEOUT_BOUNDS = { min: 1_000, max: 24 * DAY_MS };
const INTERVAL_BOUNDS = { min: 100, max: HOUR_MS };

function readStatuses(text: string): CertificateStatus[] {
  const statuses = text.split(",").map((status) => status.trim());
  for (const status of statuses) {
    if (!(CERTIFICATE_STATUSES as readonly string[]).includes(status)) {
      throw new UsageError(
        `--until takes statuses among ${CERTIFICATE_STATUSES.join(", ")}; not "${status}"${didYouMean(status, CERTIFICATE_STATUSES)}`,
      );
    }
  }
  return statuses as CertificateStatus[];
}

/** The statuses an order goes through on its way to issued, in order: it never goes back along them. */
const ON_THE_WAY: readonly CertificateStatus[] = ["pending", "awaiting_validation", "processing", "issued"];

/**
 * Whether an order in `status` is past every status awaited, so waiting on is pointless: an issued order is never
 * `processing` again, and an expired one none of those.
 */
function isPast(status: CertificateStatus, until: readonly CertificateStatus[]): boolean {
  const at = status === "expired" ? ON_THE_WAY.length : ON_THE_WAY.indexOf(status);
  return at > 0 && until.every((awaited) => ON_THE_WAY.includes(awaited) && ON_THE_WAY.indexOf(awaited) < at);
}

/** `certkit wait ID`: polls with a progress line until the order is issued (or another status), or ends otherwise. */
export const waitCommand: Command = {
  name: "wait",
  summary: "poll an order, showing its progress, until it is issued or has failed",
  usage: "ID [--until STATUS[,STATUS]] [--timeout DURATION] [--interval DURATION]",
  details: [
    "Exits 0 when the order reaches the status; 1 when it ends otherwise (failed, cancelled, revoked), is past the",
    "status awaited (issued, when processing is awaited), or the time is up;",
    "130 on Ctrl-C, which stops the waiting only: the order goes on at the provider.",
    "Durations are written 90s, 15m, 2h, 1d or 1h30m.",
  ],
  options: {
    ...PROVIDER_OPTION,
    until: {
      type: "string",
      value: "STATUS",
      description: "the status (or comma-separated statuses) to wait for (default: issued)",
    },
    timeout: {
      type: "string",
      value: "DURATION",
      description: `give up after this long, from 1s to 24d (default: ${DEFAULT_TIMEOUT})`,
    },
    interval: {
      type: "string",
      value: "DURATION",
      description: `the first pause between looks, from 100ms to 1h; each pause grows by half up to 1m (default: ${PROVIDER_INTERVAL}, ${SANDBOX_INTERVAL} against a sandbox)`,
    },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, output, signal } = context;
    const until = readStatuses(typeof values.until === "string" ? values.until : "issued");
    const maxWaitMs = parseDuration(
      typeof values.timeout === "string" ? values.timeout : DEFAULT_TIMEOUT,
      "--timeout",
      TIMEOUT_BOUNDS,
    );
    const explicitInterval =
      typeof values.interval === "string" ? parseDuration(values.interval, "--interval", INTERVAL_BOUNDS) : undefined;
    const target = await orderTarget(context);
    const { client, ref, label } = target;
    const sandboxed = target.session.kind !== "providers";
    const intervalMs =
      explicitInterval ??
      parseDuration(sandboxed ? SANDBOX_INTERVAL : PROVIDER_INTERVAL, "--interval", INTERVAL_BOUNDS);
    const pace = { intervalMs, maxIntervalMs: Math.max(MAX_INTERVAL_MS, intervalMs), maxWaitMs };
    const progress = new WaitProgress(output, `waiting for ${label} to be ${until.join(" or ")}`, pace);
    let last: CertificateOrder | undefined;
    // Stops the waiting, and only it, when the order is past what is awaited.
    const passed = new AbortController();
    try {
      const order = await waitForStatus(client, ref.id, {
        ...pace,
        until,
        signal: AbortSignal.any([signal, passed.signal]),
        onProgress: (seen, attempt) => {
          last = seen;
          if (!until.includes(seen.status) && isPast(seen.status, until)) passed.abort();
          if (attempt === 1 && seen.status === "awaiting_validation" && !until.includes(seen.status)) {
            output.note(`certkit: ${validationToDo(label, client.capabilities, target.session.kind)}`);
          }
          progress.looked(seen, attempt, until.includes(seen.status) || isEnded(seen.status));
        },
      });
      progress.stop();
      output.json(orderJson(order, new Date()));
      output.line(`${label} is ${order.status} after ${formatDuration(progress.elapsedMs)}`);
      if (order.status === "issued") output.line(`next: certkit download ${shellArgument(label)}`);
      return EXIT.ok;
    } catch (error) {
      progress.stop();
      if (passed.signal.aborted && !signal.aborted && last !== undefined) {
        const message = `${label} is ${last.status} (${last.providerStatus || "no status"}), past ${until.join(" and ")}: it will not become ${until.join(" or ")} again`;
        throw new RestatedError(new CertkitError({ code: "CONFLICT", provider: ref.provider, message }), message);
      }
      if (isCertkitError(error, "ABORTED")) {
        output.note(
          `certkit: stopped waiting for ${label} (interrupted); the order goes on at ${ref.provider}: run certkit wait ${shellArgument(label)} to wait again`,
        );
        output.json({ error: { code: "ABORTED", provider: ref.provider, message: "interrupted", retryable: true } });
        return EXIT.interrupted;
      }
      // CertkitError's instanceof matches every CertkitError, so the field OrderEndedError adds is what tells it.
      const ended = isCertkitError(error, "CONFLICT") ? (error as Partial<OrderEndedError>).order : undefined;
      if (isCertkitError(error) && ended !== undefined) {
        const { status, providerStatus, message } = ended;
        throw new RestatedError(
          error,
          `${label} is ${status} (${providerStatus || "no status"})${message ? `: ${message}` : ""}; it will not become ${until.join(" or ")}`,
        );
      }
      // waitForStatus's own deadline (a request's timeout names the provider instead).
      if (isCertkitError(error, "TIMEOUT") && error.provider === "certificates") {
        const state =
          last === undefined
            ? "could not be read in that time"
            : `is still ${last.status} (${last.providerStatus || "no status"})`;
        throw new RestatedError(
          error,
          `gave up after ${formatDuration(maxWaitMs)}: ${label} ${state}, not ${until.join(" or ")}; run certkit wait ${shellArgument(label)} to wait again`,
        );
      }
      throw error;
    }
  },
};
