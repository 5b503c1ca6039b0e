// The environment-neutral entry: everything here runs in Node and in browsers (msw's setupWorker). The HTTP server,
// which needs node:http, is in "@certkit/sandbox/node".
export {
  createSandbox,
  type Sandbox,
  type SandboxClientOptions,
  type SandboxOptions,
  type SandboxSimulatorSettings,
  type SandboxSimulators,
  type SandboxSnapshot,
} from "./sandbox.js";
export {
  setupSandbox,
  DEFAULT_SANDBOX_ORIGIN,
  type MswSandbox,
  type MswSetup,
  type SetupSandboxOptions,
} from "./setup-sandbox.js";
export { SIMULATORS as SANDBOX_SIMULATORS } from "./generated/simulators.js";
export {
  defineSimulator,
  type AnySimulatorDescriptor,
  type SimulatorAdapterOptions,
  type SimulatorDescriptor,
  type SimulatorSettings,
} from "./define-simulator.js";
export {
  SANDBOX_MOUNTS,
  SANDBOX_PROVIDERS,
  sandboxAdapterOptions,
  sandboxBaseUrl,
  type SandboxAdapterOptions,
  type SandboxProvider,
  type SettingsOf,
  type SimulatorOf,
} from "./providers.js";
export { sandboxIssuingAfter } from "./sandbox-settings.js";
export { SANDBOX_CREDENTIALS, type SandboxCredentials } from "./credentials.js";
export { DEFAULT_ISSUANCE_DELAY_MS, type ProviderSimulator, type SimulatorWorld } from "./simulator.js";
export { LATEST_SANDBOX_TIME, SandboxClock } from "./clock.js";
export {
  SandboxFaults,
  type ActiveFault,
  type FaultMethod,
  type FaultSpec,
  type FaultTarget,
} from "./faults/sandbox-faults.js";
export { FakeDns, type FakeDnsState } from "./state/fake-dns.js";
export { FakeWeb, type FakeWebState } from "./state/fake-web.js";
export { FakeMail, type ApprovalEmail, type FakeMailState } from "./state/fake-mail.js";
export { generateCsr, type CsrKeyType, type GeneratedCsr } from "./ca/generate-csr.js";
export {
  SandboxCa,
  parseCsr,
  type ChainVerification,
  type GeneratedKey,
  type IssuedCertificate,
  type LeafRequest,
  type ParsedCsr,
  type SandboxCaState,
} from "./ca/sandbox-ca.js";
export { toPkcs7, toZip } from "./ca/certificate-formats.js";
export { DnsimpleSimulator, type DnsimpleSimulatorOptions } from "./providers/dnsimple/dnsimple-simulator.js";
export {
  DEFAULT_DNSIMPLE_RATE_LIMIT,
  type DnsimpleRateLimitOptions,
} from "./providers/dnsimple/dnsimple-rate-limit.js";
export type { DnsimpleState } from "./providers/dnsimple/dnsimple-state.js";
export {
  DEFAULT_DNSIMPLE_V1_CONTACT_ID,
  DnsimpleV1Simulator,
  type DnsimpleV1SimulatorOptions,
} from "./providers/dnsimple-v1/dnsimple-v1-simulator.js";
export type { DnsimpleV1State } from "./providers/dnsimple-v1/dnsimple-v1-state.js";
export {
  DEFAULT_IONOS_SLOTS,
  IonosSimulator,
  type IonosSimulatorOptions,
} from "./providers/ionos-ssl/ionos-ssl-simulator.js";
export type { IonosOrder, IonosState } from "./providers/ionos-ssl/ionos-ssl-state.js";
export { ReselloSimulator, type ReselloSimulatorOptions } from "./providers/resello/resello-simulator.js";
export { DEFAULT_RESELLO_PLANS, type ReselloPlan } from "./providers/resello/resello-plans.js";
export { SANDBOX_RESELLO_OIDC_CLIENT } from "./providers/resello/resello-sandbox.js";
export type {
  ReselloCertificateStatus,
  ReselloDomainValidation,
  ReselloOrder,
  ReselloState,
  ReselloToken,
} from "./providers/resello/resello-state.js";
export { RESELLO_TOKEN_PATH, type ReselloOidcClient } from "./providers/resello/resello-tokens.js";
export { SslmarketSimulator, type SslmarketSimulatorOptions } from "./providers/sslmarket/sslmarket-simulator.js";
export { SSLMARKET_DEMO_CONTACTS } from "./providers/sslmarket/sslmarket-demo-contacts.js";
export type { SslmarketState } from "./providers/sslmarket/sslmarket-state.js";
export {
  TypedRoutes,
  type GuardVerdict,
  type Reply,
  type RouteContext,
  type RouteGuard,
  type RouteResolver,
  type ServeOptions,
} from "./typed-routes.js";
// Types that public options and states above refer to.
export type { SandboxCredentialOverrides } from "./credentials.js";
export type { ListLag } from "./faults/list-lag.js";
export type {
  DnsimpleAcmeChallenge,
  DnsimpleCertificateRecord,
  DnsimpleCertificateState,
  DnsimpleRenewalRecord,
  DnsimpleRenewalState,
  DnsimpleSignatureAlgorithm,
  DnsimpleWebhookRecord,
} from "./providers/dnsimple/dnsimple-state.js";
export type {
  DnsimpleV1CertificateRecord,
  DnsimpleV1CertificateState,
} from "./providers/dnsimple-v1/dnsimple-v1-state.js";
export type { IonosAuthentication, IonosCertificateType } from "./providers/ionos-ssl/ionos-ssl-spec-types.js";
export type { ReselloDcvType } from "./providers/resello/resello-spec-types.js";
export type { SslmarketDcvMethod, SslmarketProductType } from "./providers/sslmarket/sslmarket-spec-types.js";
export type { ReselloOrganization } from "./providers/resello/resello-state.js";
export { DEFAULT_SSLMARKET_PRODUCTS, type SslmarketProductSettings } from "./providers/sslmarket/sslmarket-products.js";
export type {
  SslmarketContactField,
  SslmarketOrder,
  SslmarketOrderStatus,
  SslmarketReissue,
} from "./providers/sslmarket/sslmarket-state.js";
