// Stands in, for the README examples, for the reader's own deployment code: it publishes a validation file to the
// certkit sandbox's fake web (SANDBOX_URL), where the simulated CA fetches it.

/**
 * Publishes `content` at `url` (e.g. http://example.com/.well-known/pki-validation/<file>.txt).
 * @param {string} url
 * @param {string} content
 * @returns {Promise<void>}
 */
export async function publishFile(url, content) {
  const response = await fetch(`${process.env.SANDBOX_URL}/_sandbox/web`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url, content }),
  });
  if (!response.ok) throw new Error(`the sandbox refused the file: HTTP ${response.status}`);
}
