import type { Certificate, CertificatePurchase, CertificateRenewal, Domain, Pagination } from "@certkit/dnsimple";
import type { DnsimpleCertificateRecord, DnsimpleRenewalRecord } from "./dnsimple-state.js";

/** A domain the simulated account holds; the list comes from the simulator's options. */
export interface DnsimpleDomain {
  id: number;
  name: string;
}

// The account, its domains and its user existed before any sandbox time a test picks.
const ACCOUNT_CREATED_AT = "2020-01-01T00:00:00Z";

/** An ISO 8601 time as DNSimple writes it: whole seconds, `Z`. */
export function apiTime(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, "Z");
}

/** The certificate as the API shows it: `csr`, `expires_at` and `expires_on` stay `null` until it is issued. */
export function certificateView(record: DnsimpleCertificateRecord): Certificate {
  const issued = record.state === "issued" ? record.issued : undefined;
  return {
    id: record.id,
    domain_id: record.domainId,
    contact_id: record.contactId,
    name: record.name,
    common_name: record.commonName,
    years: 1,
    csr: issued ? (record.csr ?? null) : null,
    state: record.state,
    auto_renew: record.autoRenew,
    alternate_names: [...record.alternateNames],
    authority_identifier: "letsencrypt",
    created_at: apiTime(record.createdAt),
    updated_at: apiTime(record.updatedAt),
    expires_at: issued ? apiTime(issued.validUntil) : null,
    expires_on: issued ? issued.validUntil.slice(0, 10) : null,
  };
}

/** The purchase answer: the order has the id of the certificate it will produce. */
export function purchaseView(record: DnsimpleCertificateRecord): CertificatePurchase {
  return {
    id: record.id,
    certificate_id: record.id,
    state: "new",
    auto_renew: record.autoRenew,
    created_at: apiTime(record.createdAt),
    updated_at: apiTime(record.createdAt),
  };
}

/** The renewal answer. */
export function renewalView(renewal: DnsimpleRenewalRecord): CertificateRenewal {
  return {
    id: renewal.id,
    old_certificate_id: renewal.oldCertificateId,
    new_certificate_id: renewal.newCertificateId,
    state: renewal.state,
    auto_renew: renewal.autoRenew,
    created_at: apiTime(renewal.createdAt),
    updated_at: apiTime(renewal.updatedAt),
  };
}

/** A hosted domain (DNSimple runs its zone, which is what lets it answer the DNS-01 challenges itself). */
export function domainView(domain: DnsimpleDomain, accountId: number): Domain {
  return {
    id: domain.id,
    account_id: accountId,
    name: domain.name,
    unicode_name: domain.name,
    state: "hosted",
    auto_renew: false,
    private_whois: false,
    expires_at: null,
    created_at: ACCOUNT_CREATED_AT,
    updated_at: ACCOUNT_CREATED_AT,
  };
}

/** The account of an account token. */
export function accountView(accountId: number, email: string) {
  return { id: accountId, email, created_at: ACCOUNT_CREATED_AT, updated_at: ACCOUNT_CREATED_AT };
}

/** The user behind email/password credentials. */
export function userView(email: string) {
  return { id: 2020, email, created_at: ACCOUNT_CREATED_AT, updated_at: ACCOUNT_CREATED_AT };
}

/** One page of `items` with DNSimple's pagination object; a page past the end is empty. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): { data: T[]; pagination: Pagination } {
  return {
    data: items.slice((page - 1) * perPage, page * perPage),
    pagination: {
      current_page: page,
      per_page: perPage,
      total_entries: items.length,
      total_pages: Math.ceil(items.length / perPage),
    },
  };
}
