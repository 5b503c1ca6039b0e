/**
 * The data of a client call's answer, or its error thrown: the error is already a `CertkitError` (made of a non-2xx
 * answer or a failed request), so a caller that wants the data or a throw needs nothing more.
 *
 * @example
 * ```ts
 * const certificate = unwrap(await client.GET("/v1/certificates/{id}", { params: { path: { id } } }));
 * ```
 */
export function unwrap<Result extends { data?: unknown; error?: Error }>(
  result: Result,
): Extract<Result, { error?: never }>["data"] {
  if (result.error !== undefined) throw result.error;
  // The success branch of the answer's union: no error, so its data is the operation's typed answer.
  const success = result as Extract<Result, { error?: never }>;
  return success.data;
}
