import { EXIT } from "../exit-codes.js";
import { publishValidation } from "../sandbox/sandbox-control.js";
import { UsageError } from "../usage-error.js";
import { PROVIDER_OPTION, type Command } from "./command.js";
import { orderTarget } from "./order-target.js";
import { orderWithValidation } from "./order-with-validation.js";
import { shellArgument } from "../output/shell-argument.js";

const ACTIONS = ["publish"] as const;

/**
 * `certkit sandbox publish ID`: what the customer would do for an order's validation, done in the sandbox's world
 * (its DNS, web and mail), so a walkthrough needs no DNS host of its own. Real providers have no such command.
 */
export const sandboxCommand: Command = {
  name: "sandbox",
  summary: "in the sandbox: publish the DNS record or file an order's validation needs, or approve its email",
  usage: "publish ID [--provider NAME]",
  details: [
    "The sandbox's DNS, web and mail stand in for yours: this does there what you would do at your DNS host, web",
    "server or mailbox. With real providers you do it yourself (certkit show ID says what); there is no such command.",
  ],
  options: PROVIDER_OPTION,
  positionals: { min: 2, max: 2 },
  async run(context) {
    const [action, id] = context.positionals as [string, string];
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(`certkit sandbox does ${ACTIONS.join(", ")}; not "${action}"`, "certkit sandbox --help");
    const { client, ref, label, session } = await orderTarget(context, id);
    const { output, signal } = context;
    if (session.sandboxControl === undefined) {
      throw new UsageError(
        `certkit sandbox works on the sandbox only, and ${ref.provider} is configured for real: publish the record or file at your DNS host or web server, or have the email approved (certkit show ${shellArgument(label)} says what)`,
      );
    }
    const order = await orderWithValidation(await client.get(ref.id, { signal }), client, signal);
    const published: string[] = [];
    if (order.status === "awaiting_validation") {
      for (const validation of order.validation.filter((candidate) => candidate.status !== "valid")) {
        const done = await publishValidation(session.sandboxControl, validation, signal);
        if (done !== undefined) published.push(done);
      }
    }
    output.json({ ref: label, status: order.status, published });
    for (const line of published) output.line(line);
    if (published.length === 0) {
      output.line(
        order.status === "awaiting_validation"
          ? `${label} needs nothing published: ${ref.provider} does its validation itself`
          : `${label} is ${order.status}: it awaits no validation`,
      );
    }
    if (order.status !== "issued")
      output.line(
        `next: ${client.capabilities.confirmValidation && published.length > 0 ? `certkit validate ${shellArgument(label)}, then ` : ""}certkit wait ${shellArgument(label)}`,
      );
    return EXIT.ok;
  },
};
