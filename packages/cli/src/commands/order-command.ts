import { resolve } from "node:path";
import type { CertificateClient, CertificateOrder, ProviderName, ValidationMethod } from "@certkit/certificates";
import { EXIT } from "../exit-codes.js";
import { CERTIFICATE_FILE_NAMES } from "@certkit/certificates/files";
import { certificateFolder } from "../files/certificate-folder.js";
import { checkCsrFlags, CSR_OPTIONS, readCsrOptions } from "../keys/csr-options.js";
import { prepareCsr, sendWithCsr } from "../keys/key-files.js";
import { orderJson, validationLines } from "../output/order-view.js";
import { shownPath } from "../output/shown-path.js";
import type { Output } from "../output/output.js";
import { formatOrderRef } from "../order-ref.js";
import type { Session } from "../session.js";
import { UsageError } from "../usage-error.js";
import { PROVIDER_OPTION, providerOption, type Command } from "./command.js";
import { orderWithValidation } from "./order-with-validation.js";
import { validationSteps } from "./validation-to-do.js";
import { shellArgument } from "../output/shell-argument.js";

const METHODS: readonly ValidationMethod[] = ["dns", "file", "email"];

/** The one provider an order goes to: `--provider`, or the only one configured. */
function orderProvider(session: Session, provider: string | undefined): ProviderName {
  const selected = session.select(provider);
  if (selected.length === 1) return selected[0]!;
  throw new UsageError(
    session.kind === "providers"
      ? `several providers are configured (${selected.join(", ")}): say which with --provider`
      : `the sandbox simulates every provider (${selected.join(", ")}): say which with --provider`,
  );
}

function readYears(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError("--years must be a whole number of years");
  return Number(text);
}

/** Prints what the customer must publish or approve, and what to run next. */
export async function printNextSteps(
  order: CertificateOrder,
  client: CertificateClient,
  session: Session,
  output: Output,
  signal: AbortSignal,
): Promise<CertificateOrder> {
  const label = formatOrderRef(order);
  const shown = await orderWithValidation(order, client, signal);
  if (shown.validation.length > 0) {
    output.line("validation:");
    for (const line of validationLines(shown.validation, order.provider)) output.line(`  ${line}`);
  }
  const steps = shown.status === "awaiting_validation" ? validationSteps(label, client.capabilities, session.kind) : [];
  if (shown.status !== "issued")
    output.line(`next: ${[...steps, `certkit wait ${shellArgument(label)}`].join(", then ")}`);
  return shown;
}

/** `certkit order DOMAIN`: orders a certificate and says exactly what to publish for its validation. */
export const orderCommand: Command = {
  name: "order",
  summary: "order a certificate, and print the DNS record, file or approver email its validation needs",
  usage: "DOMAIN [--san NAME]... [--csr FILE | --generate-key] [--validation dns|file|email] [--provider NAME]",
  details: [
    "Everything is checked before anything is sent (names, CSR, product, years): a refused order costs no request.",
    `With --generate-key, ${CERTIFICATE_FILE_NAMES.privateKey} (mode 0600) and ${CERTIFICATE_FILE_NAMES.csr} are written to --out before the order is sent, and removed again if the order is refused before sending.`,
  ],
  options: {
    ...PROVIDER_OPTION,
    san: {
      type: "string",
      multiple: true,
      value: "NAME",
      description: "another name on the certificate (repeat for more)",
    },
    ...CSR_OPTIONS,
    validation: {
      type: "string",
      value: "METHOD",
      description:
        "how to prove control of the names: dns, file or email (default: dns, or the provider's only method)",
    },
    product: {
      type: "string",
      value: "PRODUCT",
      description: "the provider's product, plan or certificate type (default: the configured one)",
    },
    years: { type: "string", value: "N", description: "validity in years (default: 1)" },
    "approver-email": {
      type: "string",
      value: "ADDRESS",
      description: "for email validation, where the provider lets you choose the approver",
    },
    out: {
      type: "string",
      short: "o",
      value: "DIR",
      description: "where --generate-key writes the key and CSR (default: ./<domain>)",
    },
    force: { type: "boolean", description: "let --generate-key replace files that exist" },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, output, session: open, cwd, signal, about }) {
    const commonName = positionals[0]!;
    const altNames = (values.san as string[] | undefined) ?? [];
    const method = values.validation as string | undefined;
    if (method !== undefined && !(METHODS as readonly string[]).includes(method))
      throw new UsageError(`--validation must be one of ${METHODS.join(", ")}`);
    const years = readYears(values.years as string | undefined);
    checkCsrFlags(values);
    const chosen = providerOption(values);
    const session = await open();
    const provider = orderProvider(session, chosen);
    const client = session.client(provider);
    const choice = await readCsrOptions(values, {
      cwd,
      provider,
      capabilities: client.capabilities,
      names: [commonName, ...altNames],
      required: true,
    });
    const dir = () => resolve(cwd, typeof values.out === "string" ? values.out : certificateFolder(commonName));
    const prepared = await prepareCsr(choice, dir, values.force === true);
    const order = await sendWithCsr(prepared, (csr) =>
      client.order(
        {
          commonName,
          altNames,
          ...(csr === undefined ? {} : { csr }),
          ...(method === undefined ? {} : { validationMethod: method as ValidationMethod }),
          ...(typeof values.product === "string" ? { product: values.product } : {}),
          ...(years === undefined ? {} : { years }),
          ...(typeof values["approver-email"] === "string" ? { approverEmail: values["approver-email"] } : {}),
        },
        { signal },
      ),
    );
    const label = formatOrderRef(order);
    about(label);
    output.line(`ordered ${label} (${[order.commonName, ...order.altNames].join(", ")}): ${order.status}`);
    if (prepared.files.length > 0)
      output.line(
        `key and CSR written: ${prepared.files.map((file) => shownPath(file, cwd)).join(", ")} (the key is mode 0600)`,
      );
    const shown = await printNextSteps(order, client, session, output, signal);
    output.json({ ...orderJson(shown, new Date()), ...(prepared.files.length > 0 ? { files: prepared.files } : {}) });
    return EXIT.ok;
  },
};
