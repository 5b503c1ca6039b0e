import type { IonosSslClientOptions } from "@certkit/ionos-ssl";
import { invalidOption } from "../../checks/invalid-option.js";
import { IONOS_SSL_DEFAULT_PRODUCT } from "./ionos-ssl-products.js";

/** The page size IONOS uses when asked for none (`size`, default 100). */
export const IONOS_SSL_DEFAULT_PAGE_SIZE = 100;

/**
 * Options of {@link ionosSsl}: the `@certkit/ionos-ssl` client's own (`apiKey`, `baseUrl`, `fetch`, `userAgent`,
 * `timeoutMs`, `retry`, `maxConcurrency`, `onEvent`), and two adapter settings.
 */
export interface IonosSslAdapterOptions extends IonosSslClientOptions {
  /**
   * The certificate type ordered when a request names no `product`, and whose limits `productLimits(undefined)`
   * gives. Default `SSL_STARTER`. An account may hold slots of one type only, so the default is the caller's to set.
   */
  defaultProduct?: string | undefined;
  /** How many certificates `list()` asks for per page (IONOS `size`). Default 100, IONOS's own default. */
  pageSize?: number | undefined;
}

/** The adapter's own settings after checking, with their defaults. */
export interface CheckedIonosSslSettings {
  defaultProduct: string;
  pageSize: number;
}

/**
 * Splits the adapter's options into the client's options and the checked settings.
 *
 * @throws CertkitError `INVALID_INPUT` naming the option when a setting is malformed.
 */
export function readIonosSslOptions(options: IonosSslAdapterOptions): {
  client: IonosSslClientOptions;
  settings: CheckedIonosSslSettings;
} {
  const {
    defaultProduct = IONOS_SSL_DEFAULT_PRODUCT,
    pageSize = IONOS_SSL_DEFAULT_PAGE_SIZE,
    ...client
  } = options ?? ({} as IonosSslAdapterOptions);
  if (typeof defaultProduct !== "string" || defaultProduct.trim() === "")
    throw invalidOption("ionos-ssl", "defaultProduct", "must be an IONOS certificate type");
  if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1)
    throw invalidOption("ionos-ssl", "pageSize", "must be a whole number, 1 or more");
  return { client, settings: { defaultProduct, pageSize } };
}
