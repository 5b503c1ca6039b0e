import { CertkitError } from "@certkit/runtime";
import type { ProviderName } from "../certificate-order.js";

/**
 * The most pages of a provider's list one look of `findOrders` reads. A look searches narrowly (by names, states and
 * the time since sending, newest first where the provider sorts), and at the default 100 a page this is 10 000
 * certificates: a real account's lost order lies well within it, while a provider answering full pages without end
 * (a wrong `total_count`) cost one request per page, for ever, within a single look.
 */
export const MAX_RECOVERY_PAGES = 100;

/**
 * The error of a look that stopped at {@link MAX_RECOVERY_PAGES}: the order may lie further on, so the look must not
 * answer "nothing found".
 */
export function recoveryPagesExceeded(provider: ProviderName): CertkitError {
  return new CertkitError({
    code: "PROVIDER",
    provider,
    message:
      `findOrders: ${provider}'s list went on past ${MAX_RECOVERY_PAGES} pages, where the look stops reading: the order ` +
      "may be further on, so this is not a sign that none was placed. Do not order again: look for it with list() or " +
      "in the provider's console",
  });
}
