import { CertkitError, writeOnce } from "@certkit/runtime";
import type { ReselloClient } from "./create-resello-client.js";
import type { Certificate, CreateCertificateRequest } from "./generated/schema.js";
import { unwrapResello } from "./unwrap-resello.js";

/** Options of {@link createCertificateOnce} and {@link findCertificateByClientReference}. */
export interface CreateCertificateOnceOptions {
  /** Aborts the order and its look-up; the call then rejects with `ABORTED`. */
  signal?: AbortSignal | undefined;
  /** The limit on each request (the order and the look-up), in ms. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
}

/** A create request that names the order with the caller's own key, so that it can be found again. */
export type CreateRequestWithReference = CreateCertificateRequest & { client_reference: string };

/**
 * Orders a certificate (`POST /ssl-certificate`) once, and never sends it again. When the order fails in a way that
 * leaves its effect unknown (no answer, a timeout, a 5xx, an unreadable answer), it looks once for the order by its
 * `client_reference` ({@link findCertificateByClientReference}): the certificate found is the result. When none is
 * listed, it rejects with the order's error (`effectUnknown: true`): the order may still exist, since Resello's list
 * may show a new certificate only a while after it was made. Keep the reference, and look again later with
 * {@link findCertificateByClientReference} rather than ordering again. A refusal (a 400, a 401) rejects at once.
 *
 * Use a `client_reference` that is unique on your side and store it before you order: Resello is not known to
 * enforce uniqueness, so it is a key to find the order by, not a guard against a second one.
 *
 * @returns The certificate Resello created (normally `pending`), from the order's answer or from the look-up.
 * @throws CertkitError `INVALID_INPUT` when `body.client_reference` is missing or empty; nothing is sent.
 * @throws CertkitError The order's own error when it was refused, or, with `effectUnknown: true`, when the order may
 * exist but was not found (the look-up found nothing, failed, or saw only part of the list).
 */
export async function createCertificateOnce(
  client: ReselloClient,
  body: CreateRequestWithReference,
  options: CreateCertificateOnceOptions = {},
): Promise<Certificate> {
  const reference: unknown = body?.client_reference;
  if (typeof reference !== "string" || reference.trim() === "") {
    throw new CertkitError({
      code: "INVALID_INPUT",
      provider: "resello",
      message: `resello: createCertificateOnce needs "client_reference" in the body, to find the order again`,
    });
  }
  const call = { signal: options.signal, timeoutMs: options.timeoutMs };
  const find = () => findCertificateByClientReference(client, reference, call);

  const answered = await writeOnce<Certificate | null>({
    send: async () => {
      const { data, error } = await client.POST("/ssl-certificate", { body, ...call });
      if (error) throw error;
      // `null`: Resello accepted the order but its answer names no certificate; it is looked up below, not re-sent.
      const certificate = data === undefined ? undefined : unwrapResello(data);
      return certificate?.id === undefined ? null : certificate;
    },
    find,
  });
  if (answered !== null) return answered;

  const found = await find();
  if (found) return found;
  throw new CertkitError({
    code: "PROVIDER",
    provider: "resello",
    message:
      `Resello API: POST /ssl-certificate accepted the order but answered no certificate, and none with ` +
      `client_reference "${reference}" is listed yet: check before sending it again`,
    effectUnknown: true,
  });
}

/**
 * The certificate whose `client_reference` is exactly `reference` (the list filter's matching is not documented, so
 * each item is compared), or `undefined` when the list has none. `undefined` does not prove that no such order
 * exists: Resello's list may show a new certificate only a while after it was made.
 *
 * @throws CertkitError `PROVIDER` when the answer is not a list, or holds fewer items than its `total` says (the
 * order could be among those not sent); the request's own error when it fails.
 */
export async function findCertificateByClientReference(
  client: ReselloClient,
  reference: string,
  options: CreateCertificateOnceOptions = {},
): Promise<Certificate | undefined> {
  const { data, error } = await client.GET("/ssl-certificate", {
    params: { query: { client_reference: reference } },
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  if (error) throw error;
  const certificates = unwrapResello(data);
  if (!Array.isArray(certificates)) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: "resello",
      message: "Resello API: GET /ssl-certificate answered something that is not a list of certificates",
    });
  }
  // An item that is not an object (null, text) is no certificate, and cannot be the order looked for.
  const match = certificates.find(
    (certificate: unknown): certificate is Certificate =>
      typeof certificate === "object" &&
      certificate !== null &&
      (certificate as Certificate).client_reference === reference,
  );
  if (match) return match;
  // "Not listed" says even less when the list is not complete.
  const total = Array.isArray(data) ? undefined : data.total;
  if (total !== undefined && total > certificates.length) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: "resello",
      message: `Resello API: GET /ssl-certificate listed ${certificates.length} of ${total} certificates, so the order may be among those not sent`,
    });
  }
  return undefined;
}
