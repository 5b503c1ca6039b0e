/**
 * The IONOS SSL adapter under the names of its old subpath `@certkit/certificates/ionos`, kept so that existing imports
 * work: each name is an alias of the `ionos-ssl` one. Import `@certkit/certificates/ionos-ssl` instead.
 *
 * @deprecated Use `@certkit/certificates/ionos-ssl` and its `ionosSsl…`/`IONOS_SSL_…` names.
 * @packageDocumentation
 */
import {
  IONOS_SSL_CAPABILITIES,
  IONOS_SSL_DEFAULT_PAGE_SIZE,
  IONOS_SSL_DEFAULT_PRODUCT,
  IONOS_SSL_PRODUCTS,
  IONOS_SSL_STATUS_NOTES,
  IONOS_SSL_STATUS_TABLE,
  IONOS_SSL_VALIDATION_STATUS_TABLE,
  ionosSsl,
  ionosSslOrderView,
  ionosSslProductLimits,
  ionosSslValidation,
  mapIonosSslStatus,
  mapIonosSslValidationStatus,
  type IonosSslAdapterOptions,
  type IonosSslStatusMapping,
} from "./index.js";

export * from "./index.js";
/** @deprecated Use `ionosSsl` from `@certkit/certificates/ionos-ssl`. */
export const ionos = ionosSsl;
/** @deprecated Use `IonosSslAdapterOptions` from `@certkit/certificates/ionos-ssl`. */
export type IonosAdapterOptions = IonosSslAdapterOptions;
/** @deprecated Use `IONOS_SSL_CAPABILITIES`. */
export const IONOS_CAPABILITIES = IONOS_SSL_CAPABILITIES;
/** @deprecated Use `IONOS_SSL_DEFAULT_PAGE_SIZE`. */
export const IONOS_DEFAULT_PAGE_SIZE = IONOS_SSL_DEFAULT_PAGE_SIZE;
/** @deprecated Use `IONOS_SSL_DEFAULT_PRODUCT`. */
export const IONOS_DEFAULT_PRODUCT = IONOS_SSL_DEFAULT_PRODUCT;
/** @deprecated Use `IONOS_SSL_PRODUCTS`. */
export const IONOS_PRODUCTS = IONOS_SSL_PRODUCTS;
/** @deprecated Use `IONOS_SSL_STATUS_NOTES`. */
export const IONOS_STATUS_NOTES = IONOS_SSL_STATUS_NOTES;
/** @deprecated Use `IONOS_SSL_STATUS_TABLE`. */
export const IONOS_STATUS_TABLE = IONOS_SSL_STATUS_TABLE;
/** @deprecated Use `IONOS_SSL_VALIDATION_STATUS_TABLE`. */
export const IONOS_VALIDATION_STATUS_TABLE = IONOS_SSL_VALIDATION_STATUS_TABLE;
/** @deprecated Use `IonosSslStatusMapping`. */
export type IonosStatusMapping = IonosSslStatusMapping;
/** @deprecated Use `mapIonosSslStatus`. */
export const mapIonosStatus = mapIonosSslStatus;
/** @deprecated Use `mapIonosSslValidationStatus`. */
export const mapIonosValidationStatus = mapIonosSslValidationStatus;
/** @deprecated Use `ionosSslOrderView`. */
export const ionosOrderView = ionosSslOrderView;
/** @deprecated Use `ionosSslValidation`. */
export const ionosValidation = ionosSslValidation;
/** @deprecated Use `ionosSslProductLimits`. */
export const ionosProductLimits = ionosSslProductLimits;
