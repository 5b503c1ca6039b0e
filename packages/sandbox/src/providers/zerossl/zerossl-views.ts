import type { components } from "@certkit/zerossl";
import { approversFor, baseName, cnameFor, fileFor, namesOf, type ZerosslCertificateState } from "./zerossl-state.js";

type Certificate = components["schemas"]["Certificate"];

const DAY_MS = 86_400_000;
/** ZeroSSL shows an issued certificate as `expiring_soon` in its last 30 days. */
const EXPIRING_SOON_MS = 30 * DAY_MS;

/** ZeroSSL's timestamp: `YYYY-MM-DD HH:MM:SS`, UTC. */
export function zerosslTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}

/** The status ZeroSSL shows at `now`: an issued certificate is `pending_validation` until the CA's answer is due. */
export function statusAt(certificate: ZerosslCertificateState, now: Date): string {
  const { status, issued, activeAt } = certificate;
  if (status !== "issued" && status !== "pending_validation") return status;
  if (issued === undefined || activeAt === undefined || new Date(activeAt) > now) return "pending_validation";
  const until = new Date(issued.validUntil).getTime();
  if (until <= now.getTime()) return "expired";
  return until - now.getTime() <= EXPIRING_SOON_MS ? "expiring_soon" : "issued";
}

/** The certificate as the API shows it at `now`, with every name's validation targets. */
export function certificateView(certificate: ZerosslCertificateState, now: Date): Certificate {
  const names = namesOf(certificate);
  const status = statusAt(certificate, now);
  const shown = status === "issued" || status === "expiring_soon" || status === "expired";
  const created = new Date(certificate.createdAt);
  const expires =
    shown && certificate.issued
      ? new Date(certificate.issued.validUntil)
      : new Date(created.getTime() + certificate.validityDays * DAY_MS);
  const emailValidation: Record<string, string[]> = {};
  const otherMethods: NonNullable<NonNullable<Certificate["validation"]>["other_methods"]> = {};
  for (const name of names) {
    // ZeroSSL lists a name's approvers once per base domain (a name and its `www.` share them).
    if (!Object.hasOwn(emailValidation, baseName(name))) emailValidation[baseName(name)] = approversFor(name);
    const cname = cnameFor(certificate, name);
    const file = fileFor(certificate, name);
    otherMethods[name] = {
      file_validation_url_http: file.http,
      file_validation_url_https: file.https,
      file_validation_content: file.lines,
      cname_validation_p1: cname.name,
      cname_validation_p2: cname.target,
    };
  }
  return {
    id: certificate.id,
    type: names.some((name) => name.startsWith("*.")) ? "2" : names.length > 1 ? "3" : "1",
    common_name: certificate.commonName,
    additional_domains: certificate.additionalDomains.join(","),
    created: zerosslTime(created),
    expires: zerosslTime(expires),
    status,
    validation_type: certificate.validationType ?? null,
    validation_emails: certificate.approvals?.map((approval) => approval.email).join(",") ?? null,
    replacement_for: null,
    fingerprint_sha1: null,
    brand_validation: null,
    validation: { email_validation: emailValidation, other_methods: otherMethods },
  };
}

/** ZeroSSL's error body. */
export function zerosslError(
  code: number,
  type: string,
  details?: components["schemas"]["ApiError"]["details"],
): components["schemas"]["ErrorResponse"] {
  return { success: false, error: { code, type, ...(details === undefined ? {} : { details }) } };
}
