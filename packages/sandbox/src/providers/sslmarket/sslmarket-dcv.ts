import type { SimulatorWorld } from "../../simulator.js";
import type { SslmarketOrder } from "./sslmarket-state.js";

/** Where a file validation is published on each validated name, over http or https. */
export const SSLMARKET_DCV_FILE_PATH = "/.well-known/pki-validation/fileauth.txt";

/** The mailboxes of a domain that the CA sends DCV e-mails to, as SSLmarket documents. */
export const SSLMARKET_APPROVER_MAILBOXES = [
  "admin",
  "administrator",
  "hostmaster",
  "postmaster",
  "webmaster",
] as const;

/** The names whose control is proven: the order's domain and SANs, a wildcard's base name in place of the wildcard. */
export function validatedNames(order: Pick<SslmarketOrder, "domain" | "dnsNames">): string[] {
  return [...new Set([order.domain, ...order.dnsNames].map((name) => name.toLowerCase().replace(/^\*\./, "")))];
}

/** The domain a name's approval e-mails go to: the name without a leading `www.`. */
function approverDomain(name: string): string {
  return name.replace(/^www\./, "");
}

/** The approver domains of an order, each once. */
export function approverDomains(order: Pick<SslmarketOrder, "domain" | "dnsNames">): string[] {
  return [...new Set(validatedNames(order).map(approverDomain))];
}

/**
 * Sends the DCV e-mails of every approver domain in `domains` (to each of its {@link SSLMARKET_APPROVER_MAILBOXES})
 * and records their codes on the order: approving any one of a domain's e-mails validates that domain.
 */
export function sendApprovalEmails(world: SimulatorWorld, order: SslmarketOrder, domains: readonly string[]): void {
  for (const domain of domains) {
    const codes = SSLMARKET_APPROVER_MAILBOXES.map((mailbox) =>
      world.mail.send({
        to: `${mailbox}@${domain}`,
        subject: `Domain control validation for ${domain} (SSLmarket order ${order.orderId})`,
        sentAt: world.clock.now(),
      }),
    );
    order.approvalCodes[domain] = [...(order.approvalCodes[domain] ?? []), ...codes];
  }
}

/** The approver domains none of whose e-mails has been approved yet. */
export function unapprovedDomains(world: SimulatorWorld, order: SslmarketOrder): string[] {
  return approverDomains(order).filter(
    (domain) => !(order.approvalCodes[domain] ?? []).some((code) => world.mail.isApproved(code)),
  );
}

/** A TXT record holding the value at the name itself or at `_dnsauth.<name>` (DigiCert accepts either). */
function dnsProves(world: SimulatorWorld, name: string, content: string): boolean {
  return [name, `_dnsauth.${name}`].some((recordName) =>
    world.dns.lookupTxt(recordName).some((value) => value.trim() === content),
  );
}

/** The validation file holding the value, served over http or https. */
function fileProves(world: SimulatorWorld, name: string, content: string): boolean {
  return ["http", "https"].some(
    (scheme) => world.web.read(`${scheme}://${name}${SSLMARKET_DCV_FILE_PATH}`)?.trim() === content,
  );
}

/**
 * Whether the CA finds control of every name of the order proven, looking where the order's DCV method says:
 * the fake DNS, the fake web, or the approvals in the fake mail. Client certificates have no DCV.
 */
export function isDomainControlProven(world: SimulatorWorld, order: SslmarketOrder): boolean {
  switch (order.dcvMethod) {
    case undefined:
      return true;
    case "DNS":
      return validatedNames(order).every((name) => dnsProves(world, name, order.dcvContent));
    case "FILE":
      return validatedNames(order).every((name) => fileProves(world, name, order.dcvContent));
    case "Email":
      return unapprovedDomains(world, order).length === 0;
  }
}
