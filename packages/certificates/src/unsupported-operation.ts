import type { ProviderName } from "./certificate-order.js";

declare const unsupported: unique symbol;

/**
 * The type of an operation a provider does not offer, on a client over that provider's adapter: not callable and
 * assignable to no function, number or string, so using it does not compile, and the compiler's message names it:
 * `Type 'UnsupportedOperation<"ionos-ssl", "renew">' has no call signatures`. At run time the operation rejects
 * with `CertkitError` `UNSUPPORTED`.
 */
export interface UnsupportedOperation<Provider extends ProviderName, Operation extends string> {
  readonly [unsupported]: `${Provider} does not support ${Operation}`;
}
