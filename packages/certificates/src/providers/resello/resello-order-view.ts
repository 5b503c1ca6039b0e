import type { Certificate } from "@certkit/resello";
import { CertkitError } from "@certkit/runtime";
import type { CertificateOrder, DomainValidation } from "../../certificate-order.js";
import { providerTime } from "../../status/provider-time.js";
import { mapReselloStatus } from "./map-resello-status.js";
import { fallbackValidationView, validationMethodOf } from "./resello-validation-view.js";

/**
 * A Resello certificate as a {@link CertificateOrder}. Resello documents only `id`, `status`, `plan` and
 * `client_reference`; the names, method and dates are read from the fields the certkit sandbox shows
 * (`common_name`, `domains`, `dcv_type`, `created_at`, `valid_from`, `valid_until`, `disabled_at`) when they are
 * there, and left out when not. The answer itself, with every field, is the order's `raw`.
 */

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/** The certificate's plan UUID: `plan` is the UUID, or an embedded plan object with its `id`. */
export function planIdOf(certificate: Certificate): string | undefined {
  const { plan } = certificate;
  return typeof plan === "object" && plan !== null ? text(plan.id) : text(plan);
}

/** The certificate's names, common name first, without repeats: `common_name` and `domains` where Resello sends them. */
export function namesOf(certificate: Certificate, validation: readonly DomainValidation[] = []): string[] {
  const listed = Array.isArray(certificate.domains) ? certificate.domains.flatMap((name) => text(name) ?? []) : [];
  const fromValidation = validation.map((entry) => entry.domain);
  return [
    ...new Set(
      [text(certificate.common_name), ...(listed.length > 0 ? listed : fromValidation)].flatMap((name) => name ?? []),
    ),
  ];
}

/** The certificate's `id`, which every other call needs: an answer without one is the provider's error. */
export function idOf(certificate: unknown): string {
  const id =
    typeof certificate === "object" && certificate !== null ? text((certificate as Certificate).id) : undefined;
  if (id === undefined) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: "resello",
      message: "Resello API answered a certificate without an id",
    });
  }
  return id;
}

/**
 * The normalized order of a Resello certificate.
 *
 * @param validation - the certificate's validations from its validation details, when they were read (the adapter
 *   reads them for `pending` certificates): they fill `validation` and tell `awaiting_validation` from
 *   `processing`. Without them, a `pending` certificate shows one `unknown` validation per name by its `dcv_type`.
 */
export function reselloOrderView(certificate: Certificate, validation?: readonly DomainValidation[]): CertificateOrder {
  const id = idOf(certificate);
  const names = namesOf(certificate, validation);
  const [commonName = "", ...altNames] = names;
  const pending = certificate.status === "pending";
  const method = validationMethodOf(certificate.dcv_type);
  const shown = validation ?? (pending && method ? fallbackValidationView(names, method) : []);
  const validated =
    validation === undefined || validation.length === 0
      ? undefined
      : validation.every((entry) => entry.status === "valid");
  const { status, providerStatus, message } = mapReselloStatus(certificate.status, { validated });
  const disabledAt = providerTime(certificate.disabled_at);
  const product = planIdOf(certificate);
  const validFrom = providerTime(certificate.valid_from);
  const validUntil = providerTime(certificate.valid_until);
  const createdAt = providerTime(certificate.created_at);
  const updatedAt = providerTime(certificate.updated_at);
  return {
    provider: "resello",
    id,
    commonName,
    altNames,
    status,
    providerStatus,
    ...(message === undefined
      ? {}
      : { message: disabledAt && status === "cancelled" ? `${message} at ${disabledAt}` : message }),
    ...(product === undefined ? {} : { product }),
    validation: [...shown],
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validUntil === undefined ? {} : { validUntil }),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
    raw: certificate,
  };
}
