import type { DomainValidation } from "@certkit/certificates";
import type { Sandbox } from "@certkit/sandbox";

/**
 * Does in the sandbox's world what the customer would do for one domain's validation: publishes the DNS record or
 * the file, or approves the CA's newest email to one of the approvers. Returns what was done, for the demo to show,
 * or `undefined` when there is nothing to do (the provider validates by itself).
 * @throws Error when an email validation has no email waiting.
 */
export function publishValidation(sandbox: Sandbox, validation: DomainValidation): string | undefined {
  if (validation.dns) {
    sandbox.dns.addTxt(validation.dns.name, validation.dns.value);
    return `published ${validation.dns.type} ${validation.dns.name} in the sandbox's DNS`;
  }
  if (validation.file) {
    sandbox.web.publish(validation.file.url, validation.file.content);
    return `published ${validation.file.url} on the sandbox's web`;
  }
  if (validation.email) {
    const email = validation.email.approvers.flatMap((approver) => sandbox.mail.inbox(approver)).at(-1);
    if (!email) throw new Error(`no approval email reached ${validation.email.approvers.join(", ")}`);
    sandbox.mail.approve(email.code, sandbox.clock.now());
    return `approved the CA's email to ${email.to}`;
  }
  return undefined;
}
