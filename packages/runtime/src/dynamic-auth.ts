/** Headers that authenticate one try, and the secret values in them (to keep out of errors and events). */
export interface AuthHeaders {
  headers: Record<string, string>;
  secrets: readonly string[];
}

/**
 * Credentials that change while a client lives, such as an OAuth access token that expires: asked for before every
 * try, so that a retry after a refresh carries the new token.
 */
export interface DynamicAuth {
  /** The headers for the next try. Rejects with a `CertkitError` when no credentials can be had. */
  headers(signal?: AbortSignal): Promise<AuthHeaders>;
  /** The provider answered 401: drop what is cached, so that the next call fetches fresh credentials. */
  invalidate?(): void;
}
