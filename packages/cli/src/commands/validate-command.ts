import { EXIT } from "../exit-codes.js";
import { orderJson } from "../output/order-view.js";
import { UsageError } from "../usage-error.js";
import { PROVIDER_OPTION, type Command } from "./command.js";
import { orderTarget } from "./order-target.js";
import { shellArgument } from "../output/shell-argument.js";

/** `certkit validate ID`: tells the provider the validation is in place. */
export const validateCommand: Command = {
  name: "validate",
  summary: "tell the provider the DNS record or file is in place, so it checks now",
  usage: "ID [--provider NAME]",
  details: ["Providers that check by themselves (DNSimple) have no such step: use certkit wait."],
  options: PROVIDER_OPTION,
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { client, ref, label } = await orderTarget(context);
    if (!client.capabilities.confirmValidation) {
      throw new UsageError(
        `${ref.provider} checks the validation by itself, so there is nothing to confirm: run certkit wait ${shellArgument(label)}`,
      );
    }
    const order = await client.confirmValidation(ref.id, { signal: context.signal });
    context.output.json(orderJson(order, new Date()));
    context.output.line(`${label}: validation confirmed; the order is ${order.status}`);
    if (order.status !== "issued") context.output.line(`next: certkit wait ${shellArgument(label)}`);
    return EXIT.ok;
  },
};
