import type { Order, OrderListItem } from "@certkit/sslmarket";
import type {
  CertificateOrder,
  DomainValidation,
  ValidationMethod,
  ValidationStatus,
} from "../../certificate-order.js";
import { providerTime } from "../../status/provider-time.js";
import { mapSslmarketStatus } from "./map-sslmarket-status.js";

/** Where a file validation goes on each name: the `fileauth.txt` SSLmarket's help pages name, in `/.well-known/pki-validation/`. */
export const SSLMARKET_DCV_FILE_PATH = "/.well-known/pki-validation/fileauth.txt";

/** The mailboxes of a domain the CA mails for DCV, as SSLmarket documents them. */
export const SSLMARKET_APPROVER_MAILBOXES: readonly string[] = Object.freeze([
  "admin",
  "administrator",
  "hostmaster",
  "postmaster",
  "webmaster",
]);

/** An SSLmarket order as `GET /order/order_id/{order_id}` (with DCV fields) or `GET /order/list` shows it. */
export type SslmarketRawOrder = Order | OrderListItem;

/** The order's names: `domain` first, then the SANs of `dns_names` that are not repeats of it. */
export function sslmarketNames(raw: Pick<SslmarketRawOrder, "domain" | "dns_names">): {
  commonName: string;
  altNames: string[];
} {
  const commonName = typeof raw.domain === "string" ? raw.domain : "";
  const altNames: string[] = [];
  for (const name of Array.isArray(raw.dns_names) ? (raw.dns_names as unknown[]) : []) {
    if (typeof name === "string" && name !== commonName && !altNames.includes(name)) altNames.push(name);
  }
  return { commonName, altNames };
}

/** The DCV method an order's `dv_auth_method` names (its letter case is not documented), or `undefined`. */
function dcvMethod(value: unknown): ValidationMethod | undefined {
  if (typeof value !== "string") return undefined;
  switch (value.trim().toLowerCase()) {
    case "dns":
      return "dns";
    case "file":
    case "http":
    case "https":
      return "file";
    case "email":
    case "e-mail":
      return "email";
    default:
      return undefined;
  }
}

/** The name whose control a name's validation proves: a wildcard's base name. */
const validatedName = (name: string) => name.replace(/^\*\./, "");

/** The DCV e-mail addresses of a name: the five mailboxes at it (a wildcard's base name, `www.` left off). */
export function sslmarketApprovers(name: string): string[] {
  const domain = validatedName(name).replace(/^www\./, "");
  return SSLMARKET_APPROVER_MAILBOXES.map((mailbox) => `${mailbox}@${domain}`);
}

/**
 * What the customer must do for each name of an order, from its `dv_auth_method` and `dv_auth_content`: SSLmarket
 * has one method and one value for the whole order, and reports no progress per name. A name is `valid` once a
 * certificate has been issued (`state` `published`, or a `published` date), `waiting` before, as the order is
 * `awaiting_validation` then (no documented field tells a check the CA is making from one waiting for the customer). DNS: a TXT record holding the value at the
 * name (SSLmarket's help: in the zone of the validated domain; DigiCert also looks at `_dnsauth.<name>`); file: the
 * value at `http://<name>/.well-known/pki-validation/fileauth.txt`; e-mail: the five documented mailboxes.
 * An order without a DCV method (a client certificate, or a list item) has no validations.
 */
export function sslmarketValidations(raw: SslmarketRawOrder): DomainValidation[] {
  if (!("dv_auth_method" in raw)) return [];
  const method = dcvMethod(raw.dv_auth_method);
  if (method === undefined) return [];
  const { commonName, altNames } = sslmarketNames(raw);
  const issued = raw.state === "published" || providerTime(raw.published) !== undefined;
  const status: ValidationStatus = issued ? "valid" : "waiting";
  const content =
    typeof raw.dv_auth_content === "string" && raw.dv_auth_content.trim() !== ""
      ? raw.dv_auth_content.trim()
      : undefined;
  return [commonName, ...altNames]
    .filter((name) => name !== "")
    .map((domain): DomainValidation => {
      const name = validatedName(domain);
      switch (method) {
        case "dns":
          return {
            domain,
            method,
            status,
            ...(content === undefined ? {} : { dns: { name, type: "TXT" as const, value: content } }),
          };
        case "file":
          return {
            domain,
            method,
            status,
            ...(content === undefined ? {} : { file: { url: `http://${name}${SSLMARKET_DCV_FILE_PATH}`, content } }),
          };
        case "email":
          return { domain, method, status, email: { approvers: sslmarketApprovers(domain) } };
      }
    });
}

/** Only the members that have a value. */
function defined<T extends Record<string, unknown>>(members: T): Partial<T> {
  return Object.fromEntries(Object.entries(members).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * An SSLmarket order as a {@link CertificateOrder}. `orderId` is the number in the request (the order detail has
 * none). `validFrom` is `published`, `validUntil` the start of the `expired` date (SSLmarket gives only the date,
 * in a time zone it does not name, read as UTC: the client may derive `expired` up to a day before the
 * certificate's own end), `createdAt` `inserted`. A list item has no DCV fields, so its `validation` is empty: `get()` or `validation()` read them.
 */
export function sslmarketOrderView(orderId: number | string, raw: SslmarketRawOrder): CertificateOrder {
  const { commonName, altNames } = sslmarketNames(raw);
  const { status, providerStatus, message } = mapSslmarketStatus(raw.state, {
    published: raw.published,
    expired: raw.expired,
    dvAuthMethod: "dv_auth_method" in raw ? raw.dv_auth_method : undefined,
  });
  return {
    provider: "sslmarket",
    id: String(orderId),
    commonName,
    altNames,
    status,
    providerStatus,
    ...defined({
      message,
      product: typeof raw.product_code === "string" ? raw.product_code : undefined,
      validFrom: providerTime(raw.published),
      validUntil: providerTime(raw.expired),
      createdAt: providerTime(raw.inserted),
    }),
    validation: sslmarketValidations(raw),
    raw,
  };
}
