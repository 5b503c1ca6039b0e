import "reflect-metadata";
import * as x509 from "@peculiar/x509";
import type { DcvType } from "@certkit/resello";
import { parseCsr } from "../../ca/sandbox-ca.js";
import { REQUIRED, type ReselloFieldErrors } from "./resello-errors.js";
import { isUuid, type ReselloPlan } from "./resello-plans.js";
import type { ReselloOrganization } from "./resello-state.js";

const DCV_TYPES: readonly DcvType[] = ["EMAIL", "FILE", "DNS"];
// The seed: "The CSR should be generated using a key of at least 2048 bits in length" (RSA; EC keys are accepted).
const MIN_RSA_BITS = 2048;
/** Every organisation and approver field an order may carry. */
export const RESELLO_ORGANIZATION_FIELDS = [
  "chamber_of_commerce",
  "company_name",
  "department",
  "address",
  "zip_code",
  "city",
  "approver_first_name",
  "approver_last_name",
  "approver_phone_number",
  "ee_reference_order_id",
] as const satisfies readonly (keyof ReselloOrganization)[];
// The seed: "Required for OV* and EV*".
const OV_FIELDS = ["chamber_of_commerce", "department", "approver_first_name", "approver_last_name"] as const;
const APPROVER_MAILBOXES = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"];

/** What the simulator read from a CSR it accepts. */
export interface CsrFacts {
  pem: string;
  /** SPKI PEM. */
  publicKey: string;
  /** The CN, or the first SAN without one. */
  commonName: string;
  /** Every name, the common name first. */
  names: string[];
  /** The subject's `O`, which create takes as `company_name` when none is given. */
  organization?: string;
}

/** The fields of a create, renew or reissue body that passed their own checks (each one only when given). */
export interface OrderFields {
  csr?: CsrFacts;
  dcvType?: DcvType;
  plan?: ReselloPlan;
  approverEmailAddress?: string;
  clientReference?: string;
  organization: ReselloOrganization;
}

/**
 * Reads the order fields that create, renew and reissue share, checking each as the platform would: `required`
 * ones must be there, strings must be strings, `dcv_type` one of the three methods, `plan` a known plan's UUID and
 * the CSR a parseable, self-signed request with a big enough key. Problems go into `errors`, per field.
 */
export async function readOrderFields(
  body: unknown,
  options: {
    required: readonly ("csr" | "dcv_type" | "plan")[];
    plans: readonly ReselloPlan[];
    errors: ReselloFieldErrors;
  },
): Promise<OrderFields> {
  const { errors } = options;
  const fields =
    typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const text = (key: string): string | undefined => {
    const value = fields[key];
    if (value === undefined || value === null || value === "") {
      if ((options.required as readonly string[]).includes(key)) errors[key] = [REQUIRED];
      return undefined;
    }
    if (typeof value !== "string") {
      errors[key] = ["Must be a string."];
      return undefined;
    }
    return value;
  };
  const read: OrderFields = { organization: {} };
  const csr = text("csr");
  if (csr !== undefined) {
    const facts = await readCsr(csr);
    if ("problem" in facts) errors.csr = [facts.problem];
    else read.csr = facts;
  }
  const dcvType = text("dcv_type");
  if (dcvType !== undefined) {
    if (isDcvType(dcvType)) read.dcvType = dcvType;
    else errors.dcv_type = [`Must be one of ${DCV_TYPES.join(", ")}.`];
  }
  const planId = text("plan");
  if (planId !== undefined) {
    const plan = isUuid(planId)
      ? options.plans.find((candidate) => candidate.id.toLowerCase() === planId.toLowerCase())
      : undefined;
    if (plan) read.plan = plan;
    else errors.plan = [isUuid(planId) ? "No plan with this id is available." : "Must be a UUID."];
  }
  const approver = text("approver_email_address");
  if (approver !== undefined) {
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(approver)) read.approverEmailAddress = approver.trim().toLowerCase();
    else errors.approver_email_address = ["Must be an email address."];
  }
  const clientReference = text("client_reference");
  if (clientReference !== undefined) read.clientReference = clientReference;
  for (const key of RESELLO_ORGANIZATION_FIELDS) {
    const value = text(key);
    if (value !== undefined) read.organization[key] = value;
  }
  return read;
}

/** Whether `value` is one of the DCV methods. */
export function isDcvType(value: unknown): value is DcvType {
  return DCV_TYPES.includes(value as DcvType);
}

/** Reads a CSR as the platform would take it, or says why it would not. */
export async function readCsr(pem: string): Promise<CsrFacts | { problem: string }> {
  const parsed = await parseCsr(pem);
  if ("problem" in parsed) return parsed;
  if (parsed.key.type === "rsa" && parsed.key.bits < MIN_RSA_BITS) {
    return { problem: `The CSR must be generated using a key of at least ${MIN_RSA_BITS} bits.` };
  }
  const [commonName] = parsed.names;
  if (commonName === undefined) return { problem: "The CSR names no domain." };
  const organization = new x509.Pkcs10CertificateRequest(pem).subjectName.getField("O")[0];
  return {
    pem,
    publicKey: parsed.publicKey,
    commonName,
    names: parsed.names,
    ...(organization ? { organization } : {}),
  };
}

/**
 * Why `plan` does not cover `names`, or `undefined` when it does. A plan is for one hostname (with its `www.` or bare
 * twin, as CAs add it), and a wildcard plan for `*.domain` (with `domain`).
 */
export function planCoverageProblem(plan: ReselloPlan, names: readonly string[]): string | undefined {
  const [commonName = ""] = names;
  const wildcard = commonName.startsWith("*.");
  if (plan.wildcard && !wildcard) return `The plan "${plan.name}" is for a wildcard name (*.domain).`;
  if (!plan.wildcard && names.some((name) => name.startsWith("*.")))
    return `The plan "${plan.name}" does not cover a wildcard name.`;
  const base = commonName.replace(/^(\*|www)\./i, "").toLowerCase();
  const allowed = wildcard ? [commonName.toLowerCase(), base] : [base, `www.${base}`];
  const extra = names.find((name) => !allowed.includes(name.toLowerCase()));
  return extra === undefined ? undefined : `The plan "${plan.name}" covers one hostname; the CSR also names ${extra}.`;
}

/** The OV fields that an OV plan needs and neither the request nor the order has, marked in `errors`. */
export function checkOrganization(
  plan: ReselloPlan,
  organization: ReselloOrganization,
  errors: ReselloFieldErrors,
): void {
  if (plan.validation !== "OV") return;
  for (const key of OV_FIELDS) {
    if (organization[key] === undefined) errors[key] = ["Required for OV and EV plans."];
  }
}

/** Why `address` may not approve the validation of `domain`, or `undefined` when it may. */
export function approverProblem(domain: string, address: string): string | undefined {
  const allowed = approverAddresses(domain);
  return allowed.includes(address)
    ? undefined
    : `Not an approver address of ${domain}: use one of ${allowed.join(", ")}.`;
}

/**
 * The addresses that may approve an EMAIL validation of `domain`: the usual administrative mailboxes at the domain
 * and at each parent domain down to two labels, as CAs allow.
 */
export function approverAddresses(domain: string): string[] {
  const labels = domain.toLowerCase().split(".");
  const bases = labels.slice(0, -1).map((_, index) => labels.slice(index).join("."));
  return bases.flatMap((base) => APPROVER_MAILBOXES.map((mailbox) => `${mailbox}@${base}`));
}
