import { CERTIFICATE_STATUSES, isCertkitError, waitForStatus, type CertificateStatus } from "@certkit/certificates";
import { parseDuration } from "../arguments/parse-duration.js";
import { EXIT } from "../exit-codes.js";
import { orderJson } from "../output/order-view.js";
import { UsageError } from "../usage-error.js";
import { PROVIDER_OPTION, type Command } from "./command.js";
import { orderTarget } from "./order-target.js";

// A sandbox answers at once and issues in seconds; a real CA takes minutes, and polling it fast spends its rate limit.
const SANDBOX_INTERVAL = "500ms";
const PROVIDER_INTERVAL = "5s";

function readStatuses(text: string): CertificateStatus[] {
  const statuses = text.split(",").map((status) => status.trim());
  const unknown = statuses.filter((status) => !(CERTIFICATE_STATUSES as readonly string[]).includes(status));
  if (unknown.length > 0) throw new UsageError(`--until takes statuses among ${CERTIFICATE_STATUSES.join(", ")}; not ${unknown.join(", ")}`);
  return statuses as CertificateStatus[];
}

/** `certkit wait ID`: polls with a progress line until the order is issued (or another status), or ends otherwise. */
export const waitCommand: Command = {
  name: "wait",
  summary: "poll an order, showing its progress, until it is issued or has failed",
  usage: "ID [--until STATUS[,STATUS]] [--timeout DURATION] [--interval DURATION]",
  details: [
    "Exits 0 when the order reaches the status; 1 when it ends otherwise (failed, cancelled, revoked) or the time is up;",
    "130 on Ctrl-C, which stops the waiting only: the order goes on at the provider.",
  ],
  options: {
    ...PROVIDER_OPTION,
    until: { type: "string", value: "STATUS", description: "the status (or comma-separated statuses) to wait for (default: issued)" },
    timeout: { type: "string", value: "DURATION", description: "give up after this long (default: 1h)" },
    interval: { type: "string", value: "DURATION", description: "the first pause between looks; each pause grows by half up to 1m (default: 5s, 500ms against a sandbox)" },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { values, output, signal } = context;
    const until = readStatuses(typeof values.until === "string" ? values.until : "issued");
    const maxWaitMs = parseDuration(typeof values.timeout === "string" ? values.timeout : "1h", "--timeout");
    const target = await orderTarget(context);
    const { client, ref, label } = target;
    const sandboxed = target.session.kind !== "providers";
    const intervalMs = parseDuration(typeof values.interval === "string" ? values.interval : sandboxed ? SANDBOX_INTERVAL : PROVIDER_INTERVAL, "--interval");
    const started = Date.now();
    try {
      const order = await waitForStatus(client, ref.id, {
        until,
        signal,
        intervalMs,
        maxWaitMs,
        onProgress: (seen, attempt) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          output.progress(`waiting for ${label} to be ${until.join(" or ")}: ${seen.status} (${seen.providerStatus || "no status"}), look ${attempt}, ${seconds} s`);
        },
      });
      output.endProgress();
      output.json(orderJson(order, new Date()));
      output.line(`${label} is ${order.status} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      if (order.status === "issued") output.line(`next: certkit download ${label}`);
      return EXIT.ok;
    } catch (error) {
      if (isCertkitError(error) && error.code === "ABORTED") {
        output.endProgress();
        output.note(`certkit: stopped waiting for ${label} (interrupted); the order goes on at ${ref.provider}: run certkit wait ${label} to wait again`);
        output.json({ error: { code: "ABORTED", provider: ref.provider, message: "interrupted", retryable: true } });
        return EXIT.interrupted;
      }
      throw error;
    }
  },
};
