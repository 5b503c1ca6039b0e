export {
  createCertificateClient,
  type CertificateClient,
  type CertificateClientOptions,
  type OrderOptions,
  type OrderRecoveryOptions,
} from "./create-certificate-client.js";
export type {
  CertificateAdapter,
  DownloadedCertificates,
  FinishOrderOptions,
  OperationOptions,
  ReplaceOptions,
  RevokeOptions,
} from "./adapter.js";
export {
  CERTIFICATE_OPERATIONS,
  type Capabilities,
  type CertificateOperation,
  type ProductLimits,
} from "./capabilities.js";
export {
  CERTIFICATE_STATUSES,
  type CertificateBundle,
  type CertificateOrder,
  type CertificateStatus,
  type DomainValidation,
  type ProviderName,
  type ValidationMethod,
  type ValidationStatus,
} from "./certificate-order.js";
export { PROVIDER_NAMES } from "./generated/provider-names.js";
export type { CheckedOrderRequest, CsrKey, OrderRequest } from "./order-request.js";
export { normalizeDomainName, type DomainNameCheck } from "./checks/normalize-domain-name.js";
export { CertkitError, isCertkitError, type CertkitErrorCode, type RateLimitState } from "@certkit/runtime";
export { waitForStatus, type OrderReader, type WaitForStatusOptions } from "./wait-for-status.js";
export { ENDED_STATUSES, OrderEndedError } from "./order-ended-error.js";
export { OrderNotConfirmedError, type FindLostOrders } from "./recovery/order-not-confirmed-error.js";
export { OrderIncompleteError, type CreatedOrder } from "./recovery/order-incomplete-error.js";
export type { OrderRecovery } from "./recovery/order-recovery.js";
export type { FindOrdersOptions } from "./recovery/find-orders.js";
export type { UnsupportedOperation } from "./unsupported-operation.js";
export { MAX_NAMES_PER_ORDER } from "./checks/names-per-order.js";
export { MAX_ORDER_ID_LENGTH } from "./checks/order-id.js";
export {
  createWebhookDeduplicator,
  deliveryKey,
  type DeliveryHandling,
  type DeliveryStore,
  type WebhookDeduplicator,
  type WebhookDeduplicatorOptions,
} from "./webhooks/webhook-deduplicator.js";
