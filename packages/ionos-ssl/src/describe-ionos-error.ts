import type { ProviderErrorDetails } from "@certkit/runtime";

/**
 * Reads an IONOS error body. The API answers `ErrorResponse` (`{code, message}`); its gateway answers bad or missing
 * keys with `{message}` alone. Anything else (an HTML page, a string) yields no details and is kept as the raw body.
 */
export function describeIonosError(body: unknown): ProviderErrorDetails {
  if (typeof body !== "object" || body === null) return {};
  const { code, message } = body as { code?: unknown; message?: unknown };
  return {
    providerCode: typeof code === "string" ? code : undefined,
    message: typeof message === "string" ? message : undefined,
  };
}
