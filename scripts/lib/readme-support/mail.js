// Stands in, for the README examples, for the domain's approver reading their mail: it approves the newest approval
// email the certkit sandbox's simulated CA sent to an address (SANDBOX_URL).

/**
 * Approves the newest approval email sent to `address`.
 * @param {string} address
 * @returns {Promise<void>}
 */
export async function approveEmail(address) {
  const inbox = await fetch(`${process.env.SANDBOX_URL}/_sandbox/mail?to=${encodeURIComponent(address)}`);
  /** @type {{ code: string }[]} */
  const messages = await inbox.json();
  const newest = messages.at(-1);
  if (!newest) throw new Error(`no approval email was sent to ${address}`);
  const response = await fetch(`${process.env.SANDBOX_URL}/_sandbox/mail/approve`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code: newest.code }),
  });
  if (!response.ok) throw new Error(`the sandbox refused the approval: HTTP ${response.status}`);
}
