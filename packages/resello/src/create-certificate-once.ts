import { CertkitError, writeOnce } from "@certkit/runtime";
import type { ReselloClient } from "./create-resello-client.js";
import type { Certificate, CreateCertificateRequest } from "./generated/schema.js";
import { unwrapResello } from "./unwrap-resello.js";

/** Options of {@link createCertificateOnce}. */
export interface CreateCertificateOnceOptions {
  /** Aborts the order and its look-ups; the call then rejects with `ABORTED`. */
  signal?: AbortSignal | undefined;
  /** The limit on each request (the order and each look-up), in ms. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** How many times the order may be sent in all, each time after a look-up found it was not placed. Default 3. */
  maxAttempts?: number | undefined;
}

/** A create request that names the order with the caller's own key, so that it can be found again. */
type CreateRequestWithReference = CreateCertificateRequest & { client_reference: string };

/**
 * Orders a certificate (`POST /ssl-certificate`) at most once, even when answers are lost. When the order fails in
 * a way that leaves its effect unknown (no answer, a timeout, a 5xx), it lists certificates with the order's
 * `client_reference` and keeps only items whose `client_reference` is exactly that value (Resello does not say
 * whether the filter matches exactly). A match is the result; none means the order was not placed, and it is sent
 * again, up to `maxAttempts` in all. Any other failure (a 400, a 401) rejects at once and is not repeated.
 *
 * Use a `client_reference` that is unique on your side: Resello is not known to enforce uniqueness, and when several
 * certificates carry the reference the first one listed is returned.
 *
 * @returns The certificate Resello created (normally `pending`), from the order's answer or from the look-up.
 * @throws CertkitError `INVALID_INPUT` when `body.client_reference` is missing or empty; nothing is sent.
 * @throws CertkitError The order's own error when it was refused, or when its effect stays unknown (the look-up
 * failed, or the list was cut short before a match), with `effectUnknown: true`.
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
  const find = () => findByClientReference(client, reference, call);

  const answered = await writeOnce<Certificate | null>({
    send: async () => {
      const { data, error } = await client.POST("/ssl-certificate", { body, ...call });
      if (error) throw error;
      // `null`: Resello accepted the order but its answer names no certificate; it is looked up below, not re-sent.
      const certificate = data === undefined ? undefined : unwrapResello(data);
      return certificate?.id === undefined ? null : certificate;
    },
    find,
    maxAttempts: options.maxAttempts,
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

/** The certificate whose `client_reference` is exactly `reference`, or `undefined` when the full list has none. */
async function findByClientReference(
  client: ReselloClient,
  reference: string,
  call: Pick<CreateCertificateOnceOptions, "signal" | "timeoutMs">,
): Promise<Certificate | undefined> {
  const { data, error } = await client.GET("/ssl-certificate", {
    params: { query: { client_reference: reference } },
    ...call,
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
  const match = certificates.find((certificate) => certificate.client_reference === reference);
  if (match) return match;
  // "Not listed" only proves the order was not placed when the list is complete.
  const total = Array.isArray(data) ? undefined : data.total;
  if (total !== undefined && total > certificates.length) {
    throw new CertkitError({
      code: "PROVIDER",
      provider: "resello",
      message: `Resello API: GET /ssl-certificate listed ${certificates.length} of ${total} certificates, so a missing order cannot be ruled out`,
    });
  }
  return undefined;
}
