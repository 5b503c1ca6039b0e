import type { ZerosslClientOptions } from "@certkit/zerossl";
import { invalidOption } from "../../checks/invalid-option.js";

/** The page size `list()` asks ZeroSSL for (`limit`; ZeroSSL's own default is 100, its maximum too). */
export const ZEROSSL_DEFAULT_PAGE_SIZE = 100;

/** The validity ZeroSSL documents (`certificate_validity_days`): 90 days, or 365. */
export const ZEROSSL_VALIDITY_DAYS = [90, 365] as const;

/**
 * Options of {@link zerossl}: the `@certkit/zerossl` client's own (`accessKey`, `baseUrl`, `fetch`, `userAgent`,
 * `timeoutMs`, `retry`, `maxConcurrency`, `onEvent`), and two adapter settings.
 */
export interface ZerosslAdapterOptions extends ZerosslClientOptions {
  /** How long ordered certificates are valid, in days: 90 (default) or 365. */
  validityDays?: (typeof ZEROSSL_VALIDITY_DAYS)[number] | undefined;
  /** How many certificates `list()` asks for per page (ZeroSSL `limit`, 1 to 100). Default 100. */
  pageSize?: number | undefined;
}

/** The adapter's own settings after checking, with their defaults. */
export interface CheckedZerosslSettings {
  validityDays: number;
  pageSize: number;
}

/**
 * Splits the adapter's options into the client's options and the checked settings.
 *
 * @throws CertkitError `INVALID_INPUT` naming the option when a setting is malformed.
 */
export function readZerosslOptions(options: ZerosslAdapterOptions): {
  client: ZerosslClientOptions;
  settings: CheckedZerosslSettings;
} {
  const {
    validityDays = 90,
    pageSize = ZEROSSL_DEFAULT_PAGE_SIZE,
    ...client
  } = options ?? ({} as ZerosslAdapterOptions);
  if (!(ZEROSSL_VALIDITY_DAYS as readonly unknown[]).includes(validityDays))
    throw invalidOption("zerossl", "validityDays", "must be 90 or 365");
  if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
    throw invalidOption("zerossl", "pageSize", "must be a whole number from 1 to 100");
  return { client, settings: { validityDays, pageSize } };
}
