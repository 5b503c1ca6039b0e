import { CertkitError } from "@certkit/runtime";
import type { CertificateOrder, ProviderName } from "../certificate-order.js";

/**
 * The most pages of a provider's list one look of `findOrders` reads: at the default 100 a page, 100,000
 * certificates. DNSimple's and ZeroSSL's looks read a narrow list (newest first, or filtered by state and name) and
 * stop far sooner; IONOS's list has no filter, so a real account's look reads the whole account. A provider answering
 * full pages without end (a wrong `total`) would otherwise cost one request per page, for ever, within a single look.
 */
export const MAX_RECOVERY_PAGES = 1000;

/** The errors {@link recoveryPagesExceeded} made. */
const capped = new WeakSet<CertkitError>();

/**
 * The error of a look that stopped at {@link MAX_RECOVERY_PAGES} having found nothing: the order may lie further on,
 * so the look must not answer "nothing found".
 */
export function recoveryPagesExceeded(provider: ProviderName): CertkitError {
  const error = new CertkitError({
    code: "PROVIDER",
    provider,
    message:
      `findOrders: ${provider}'s list went on past ${MAX_RECOVERY_PAGES} pages, where the look stops reading: the order ` +
      "may be further on, so this is not a sign that none was placed. Do not order again: look for it with list() or " +
      "in the provider's console",
  });
  capped.add(error);
  return error;
}

/**
 * What a look that failed with `error` gives: the orders it had found when the page cap stopped it (what it looks for
 * is there), else the error.
 */
export function foundBeforeCap(found: CertificateOrder[], error: unknown): CertificateOrder[] {
  if (found.length > 0 && error instanceof CertkitError && capped.has(error)) return found;
  throw error;
}
