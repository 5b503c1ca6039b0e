export {
  createDnsimpleClient,
  dnsimpleClientConfig,
  DNSIMPLE_BASE_URL,
  DNSIMPLE_SANDBOX_BASE_URL,
  type DnsimpleBasicCredentials,
  type DnsimpleClient,
  type DnsimpleClientBaseOptions,
  type DnsimpleClientOptions,
  type DnsimpleTokenCredentials,
} from "./create-dnsimple-client.js";
export { DNSIMPLE_OTP_REQUIRED } from "./describe-dnsimple-error.js";
export {
  DNSIMPLE_CERTIFICATE_EVENT_NAMES,
  parseDnsimpleWebhook,
  type DnsimpleCertificateEvent,
  type DnsimpleCertificateEventName,
  type DnsimpleUnknownEvent,
  type DnsimpleWebhookEvent,
} from "./parse-dnsimple-webhook.js";
export { PACKAGE_VERSION } from "./version.js";
export {
  CertkitError,
  isCertkitError,
  type CallOptions,
  type CertkitErrorCode,
  type ClientEvent,
  type HttpError,
  type RateLimitState,
  type RetryOptions,
} from "@certkit/runtime";
export type * from "./generated/schema.js";
