// Stands in, for the README examples, for the reader's own DNS code: it publishes the TXT record to the certkit
// sandbox's fake DNS (SANDBOX_URL), where the simulated CA looks for it.

/**
 * Publishes a TXT record.
 * @param {string} name
 * @param {string} value
 * @returns {Promise<void>}
 */
export async function createTxtRecord(name, value) {
  const response = await fetch(`${process.env.SANDBOX_URL}/_sandbox/dns/txt`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, value }),
  });
  if (!response.ok) throw new Error(`the sandbox refused the TXT record: HTTP ${response.status}`);
}
