import { resolve } from "node:path";
import { EXIT } from "../exit-codes.js";
import { checkCsrFlags, CSR_OPTIONS, readCsrOptions } from "../keys/csr-options.js";
import { prepareCsr, sendWithCsr, type PreparedCsr } from "../keys/key-files.js";
import { orderJson } from "../output/order-view.js";
import { shownPath } from "../output/shown-path.js";
import { formatOrderRef } from "../order-ref.js";
import { UsageError } from "../usage-error.js";
import { PROVIDER_OPTION, type Command } from "./command.js";
import { printNextSteps } from "./order-command.js";
import { orderTarget } from "./order-target.js";

/** `renew` and `reissue` work alike: a new certificate for the same names, with a new CSR where one is given. */
function replaceCommand(operation: "renew" | "reissue", summary: string): Command {
  return {
    name: operation,
    summary,
    usage: "ID [--csr FILE | --generate-key --out DIR] [--provider NAME]",
    details: [
      "Prints the resulting order (a renewal may be a new order, with its own id) and what its validation needs.",
    ],
    options: {
      ...PROVIDER_OPTION,
      ...CSR_OPTIONS,
      out: {
        type: "string",
        short: "o",
        value: "DIR",
        description: "where --generate-key writes the new key and CSR (required with it)",
      },
      force: { type: "boolean", description: "let --generate-key replace files that exist" },
    },
    positionals: { min: 1, max: 1 },
    async run(context) {
      const { values, output, signal, cwd } = context;
      if (values["generate-key"] === true && typeof values.out !== "string")
        throw new UsageError(`--generate-key needs --out DIR for ${operation}: the old key stays where it is`);
      checkCsrFlags(values);
      const { client, ref, label, session } = await orderTarget(context);
      let prepared: PreparedCsr = { csr: undefined, files: [] };
      if (values.csr !== undefined || values["generate-key"] === true) {
        const current = await client.get(ref.id, { signal });
        const choice = await readCsrOptions(values, {
          cwd,
          provider: ref.provider,
          capabilities: client.capabilities,
          names: [current.commonName, ...current.altNames],
          required: false,
        });
        prepared = await prepareCsr(
          choice,
          () => resolve(cwd, (values.out as string | undefined) ?? "."),
          values.force === true,
        );
        if (prepared.files.length > 0)
          output.line(
            `new key and CSR written: ${prepared.files.map((file) => shownPath(file, cwd)).join(", ")} (the key is mode 0600)`,
          );
      }
      const order = await sendWithCsr(prepared, (csr) =>
        client[operation](ref.id, { signal, ...(csr === undefined ? {} : { csr }) }),
      );
      output.line(
        `${operation === "renew" ? "renewed" : "reissued"} ${label}: ${formatOrderRef(order)} is ${order.status}`,
      );
      const shown = await printNextSteps(order, client, session, output, signal);
      output.json(orderJson(shown, new Date()));
      return EXIT.ok;
    },
  };
}

/** `cancel` and `revoke` end an order for good, so they ask for `--yes`. */
function endCommand(operation: "cancel" | "revoke", summary: string): Command {
  return {
    name: operation,
    summary,
    usage: `ID --yes [--provider NAME]${operation === "revoke" ? " [--reason TEXT]" : ""}`,
    details: [`${operation === "revoke" ? "Revoking" : "Cancelling"} cannot be undone, so it needs --yes.`],
    options: {
      ...PROVIDER_OPTION,
      yes: { type: "boolean", short: "y", description: `really ${operation}` },
      ...(operation === "revoke"
        ? {
            reason: { type: "string", value: "TEXT", description: "why, where the provider records a reason" } as const,
          }
        : {}),
    },
    positionals: { min: 1, max: 1 },
    async run(context) {
      const { values, output, signal } = context;
      if (values.yes !== true)
        throw new UsageError(
          `${operation === "revoke" ? "revoking" : "cancelling"} cannot be undone: add --yes to ${operation} ${context.positionals[0]}`,
        );
      const { client, ref, label } = await orderTarget(context);
      const order =
        operation === "revoke"
          ? await client.revoke(ref.id, {
              signal,
              ...(typeof values.reason === "string" ? { reason: values.reason } : {}),
            })
          : await client.cancel(ref.id, { signal });
      output.json(orderJson(order, new Date()));
      output.line(`${label} is ${order.status}`);
      return EXIT.ok;
    },
  };
}

/** `certkit renew ID`. */
export const renewCommand = replaceCommand(
  "renew",
  "renew an issued certificate (a new certificate for the same names)",
);
/** `certkit reissue ID`. */
export const reissueCommand = replaceCommand("reissue", "reissue a certificate, e.g. with a new key");
/** `certkit cancel ID --yes`. */
export const cancelCommand = endCommand("cancel", "cancel an order");
/** `certkit revoke ID --yes`. */
export const revokeCommand = endCommand("revoke", "revoke an issued certificate");
