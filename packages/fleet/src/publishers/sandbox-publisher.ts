import type { ApprovalEmail } from "@certkit/sandbox";
import type { ValidationPublisher } from "./validation-publisher.js";

async function control(
  base: string,
  method: string,
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const response = await fetch(`${base}/_sandbox${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    ...(signal === undefined ? {} : { signal }),
    redirect: "manual",
  });
  if (!response.ok)
    throw new Error(`the sandbox at ${base} answered ${method} /_sandbox${path} with HTTP ${response.status}`);
  return response;
}

/**
 * Publishes validations in a certkit sandbox over its control API, as a customer would in the real world: the DNS
 * record in its DNS, the file on its web, and for email, approves the CA's emails about the domain to its approvers.
 */
export function sandboxPublisher(url: string): ValidationPublisher {
  const base = url.replace(/\/+$/, "");
  return {
    async publish(validation, { signal }) {
      if (validation.dns) {
        // The control API has one route per record type (/dns/txt, /dns/cname): publish the type the provider asked for.
        const { type, name, value } = validation.dns;
        await control(base, "PUT", `/dns/${encodeURIComponent(type.toLowerCase())}`, { name, value }, signal);
      } else if (validation.file) {
        await control(base, "PUT", "/web", { url: validation.file.url, content: validation.file.content }, signal);
      } else if (validation.email) {
        for (const approver of validation.email.approvers) {
          const inbox = (await (
            await control(base, "GET", `/mail?to=${encodeURIComponent(approver)}`, undefined, signal)
          ).json()) as ApprovalEmail[];
          // A subject names the domain it is about; other domains' emails to the same approver are not ours to approve.
          const about = new RegExp(`(^|\\s)${validation.domain.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[\\s)])`);
          const ours = inbox.filter((email) => email.approvedAt === undefined && about.test(email.subject));
          for (const email of ours) await control(base, "POST", "/mail/approve", { code: email.code }, signal);
        }
      }
    },
  };
}
