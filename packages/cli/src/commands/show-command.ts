import { EXIT } from "../exit-codes.js";
import { orderJson, orderLines } from "../output/order-view.js";
import { PROVIDER_OPTION, type Command } from "./command.js";
import { orderTarget } from "./order-target.js";
import { orderWithValidation } from "./order-with-validation.js";

/** `certkit show ID`: one order, with what its validation needs. */
export const showCommand: Command = {
  name: "show",
  summary: "one order: status, names, dates and what its validation needs",
  usage: "ID [--provider NAME]",
  options: PROVIDER_OPTION,
  positionals: { min: 1, max: 1 },
  async run(context) {
    const { client, ref } = await orderTarget(context);
    const { signal, output } = context;
    const order = await orderWithValidation(await client.get(ref.id, { signal }), client, signal);
    const now = new Date();
    output.json(orderJson(order, now));
    for (const line of orderLines(order, now)) output.line(line);
    return EXIT.ok;
  },
};
