import type { DomainValidation } from "@certkit/certificates";
import { CertkitError } from "@certkit/runtime";

/** A certkit sandbox's control API (`/_sandbox`): where it is served, and the `fetch` that reaches it. */
export interface SandboxControl {
  origin: string;
  fetch: typeof fetch;
}

/** How long one control request may take: the sandbox answers at once, unless it is gone. */
const CONTROL_TIMEOUT_MS = 10_000;

/** One request to the control API; its answer's JSON, if any. @throws CertkitError when it fails. */
async function call(
  control: SandboxControl,
  method: string,
  path: string,
  signal: AbortSignal,
  body?: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    response = await control.fetch(`${control.origin}/_sandbox${path}`, {
      method,
      signal: AbortSignal.any([signal, AbortSignal.timeout(CONTROL_TIMEOUT_MS)]),
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
  } catch (error) {
    if (signal.aborted)
      throw new CertkitError({ code: "ABORTED", provider: "sandbox", message: "interrupted", cause: error });
    throw new CertkitError({
      code: "NETWORK",
      provider: "sandbox",
      message: `the sandbox at ${control.origin} did not answer`,
      cause: error,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: "sandbox",
      status: response.status,
      message: `the sandbox refused ${method} /_sandbox${path} with HTTP ${response.status}: ${text.slice(0, 200)}`,
    });
  }
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Does in the sandbox's world what the customer would do for one domain's validation: publishes the DNS record or
 * the file, or approves the CA's newest email to one of the approvers, through the sandbox's control API. Returns
 * what was done, to be shown, or `undefined` when there is nothing to do (the provider validates by itself).
 * @throws CertkitError when the sandbox refuses, or an email validation has no email waiting.
 */
export async function publishValidation(
  control: SandboxControl,
  validation: DomainValidation,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (validation.dns) {
    // The control API has one route per record type (/dns/txt, /dns/cname): the record is published as the type asked.
    const { type, name, value } = validation.dns;
    await call(control, "PUT", `/dns/${encodeURIComponent(type.toLowerCase())}`, signal, { name, value });
    return `published ${validation.dns.type} ${validation.dns.name} in the sandbox's DNS`;
  }
  if (validation.file) {
    await call(control, "PUT", "/web", signal, { url: validation.file.url, content: validation.file.content });
    return `published ${validation.file.url} on the sandbox's web`;
  }
  if (validation.email) {
    const emails: { code: string; to: string; sentAt: string }[] = [];
    for (const approver of validation.email.approvers) {
      emails.push(
        ...((await call(control, "GET", `/mail?to=${encodeURIComponent(approver)}`, signal)) as typeof emails),
      );
    }
    const newest = emails.sort((a, b) => a.sentAt.localeCompare(b.sentAt)).at(-1);
    if (newest === undefined) {
      throw new CertkitError({
        code: "CONFLICT",
        provider: "sandbox",
        message: `no approval email reached ${validation.email.approvers.join(", ")} in the sandbox`,
      });
    }
    await call(control, "POST", "/mail/approve", signal, { code: newest.code });
    return `approved the CA's email to ${newest.to} in the sandbox's mail`;
  }
  return undefined;
}
