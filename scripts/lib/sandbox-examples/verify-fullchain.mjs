/**
 * Checks a fullchain PEM an example downloaded: it chains to the sandbox root, is valid now, and names `name`.
 * @param {import("@certkit/sandbox").Sandbox} sandbox
 * @param {string} fullchain
 * @param {string} name
 * @returns {Promise<string>} what was verified; throws if not
 */
export async function verifyFullchain(sandbox, fullchain, name) {
  const result = await sandbox.ca.verifyChain(fullchain, sandbox.clock.now());
  if (!result.ok) throw new Error(`the downloaded chain does not verify: ${result.problem}`);
  if (!result.names.includes(name)) throw new Error(`the certificate is for ${result.names.join(", ")}, not ${name}`);
  return `${result.subject} chains to the sandbox root, valid until ${result.notAfter.toISOString().slice(0, 10)}`;
}
