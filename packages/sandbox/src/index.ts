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
  type SimulatorDocs,
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
export {
  DNS_RECORD_TYPES,
  FakeDns,
  isDnsRecordType,
  type DnsRecordType,
  type FakeDnsState,
} from "./state/fake-dns.js";
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
// Each simulator's own public exports (its providers/<name>/index.ts), listed by the registry's generator.
export * from "./generated/simulator-exports.js";
