// The environment-neutral entry: everything here runs in Node and in browsers (msw's setupWorker). The HTTP server,
// which needs node:http, is in "@certkit/sandbox/node".
export { createSandbox, type Sandbox, type SandboxClientOptions, type SandboxOptions, type SandboxSimulators, type SandboxSnapshot } from "./sandbox.js";
export { setupSandbox, DEFAULT_SANDBOX_ORIGIN, type MswSandbox, type MswSetup, type SetupSandboxOptions } from "./setup-sandbox.js";
export { SANDBOX_MOUNTS, SANDBOX_PROVIDERS, sandboxBaseUrl, type SandboxProvider } from "./providers.js";
export { SANDBOX_CREDENTIALS, SANDBOX_RESELLO_OIDC_CLIENT, type SandboxCredentials } from "./credentials.js";
export type { ProviderSimulator, SimulatorWorld } from "./simulator.js";
export { LATEST_SANDBOX_TIME, SandboxClock } from "./clock.js";
export { SandboxFaults, type ActiveFault, type FaultMethod, type FaultSpec, type FaultTarget } from "./faults/sandbox-faults.js";
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
export { DnsimpleSimulator, type DnsimpleSimulatorOptions } from "./dnsimple/dnsimple-simulator.js";
export type { DnsimpleState } from "./dnsimple/dnsimple-state.js";
export { DnsimpleV1Simulator, type DnsimpleV1SimulatorOptions } from "./dnsimple-v1/dnsimple-v1-simulator.js";
export type { DnsimpleV1State } from "./dnsimple-v1/dnsimple-v1-state.js";
export { IonosSimulator, type IonosOrder, type IonosSimulatorOptions, type IonosState } from "./ionos/ionos-simulator.js";
export { ReselloSimulator, type ReselloSimulatorOptions } from "./resello/resello-simulator.js";
export { DEFAULT_RESELLO_PLANS, type ReselloPlan } from "./resello/resello-plans.js";
export type { ReselloCertificateStatus, ReselloDomainValidation, ReselloOrder, ReselloState, ReselloToken } from "./resello/resello-state.js";
export { RESELLO_TOKEN_PATH, type ReselloOidcClient } from "./resello/resello-tokens.js";
export { SslmarketSimulator, type SslmarketSimulatorOptions } from "./sslmarket/sslmarket-simulator.js";
export { SSLMARKET_DEMO_CONTACTS } from "./sslmarket/sslmarket-demo-contacts.js";
export type { SslmarketState } from "./sslmarket/sslmarket-state.js";
export { TypedRoutes, type GuardVerdict, type Reply, type RouteContext, type RouteGuard, type RouteResolver, type ServeOptions } from "./typed-routes.js";
// Types that public options and states above refer to.
export type { SandboxCredentialOverrides } from "./credentials.js";
export type { ListLag } from "./faults/list-lag.js";
export type { DnsimpleRateLimitOptions } from "./dnsimple/dnsimple-rate-limit.js";
export type {
  DnsimpleAcmeChallenge,
  DnsimpleCertificateRecord,
  DnsimpleCertificateState,
  DnsimpleRenewalRecord,
  DnsimpleRenewalState,
  DnsimpleSignatureAlgorithm,
  DnsimpleWebhookRecord,
} from "./dnsimple/dnsimple-state.js";
export type { DnsimpleV1CertificateRecord, DnsimpleV1CertificateState } from "./dnsimple-v1/dnsimple-v1-state.js";
export type {
  IonosAuthentication,
  IonosCertificateType,
  ReselloDcvType,
  SslmarketDcvMethod,
  SslmarketProductType,
} from "./spec-types.js";
export type { ReselloOrganization } from "./resello/resello-state.js";
export { DEFAULT_SSLMARKET_PRODUCTS, type SslmarketProductSettings } from "./sslmarket/sslmarket-products.js";
export type { SslmarketContactField, SslmarketOrder, SslmarketOrderStatus, SslmarketReissue } from "./sslmarket/sslmarket-state.js";
