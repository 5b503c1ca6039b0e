export { createSandbox, SANDBOX_CREDENTIALS, SANDBOX_MOUNTS, type Sandbox, type SandboxOptions, type SandboxProvider } from "./sandbox.js";
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from "./server/start-sandbox-server.js";
export { SandboxClock } from "./clock.js";
export { FakeDns } from "./state/fake-dns.js";
export { FakeWeb } from "./state/fake-web.js";
export { generateCsr, type CsrKeyType, type GeneratedCsr } from "./ca/generate-csr.js";
export { SandboxCa, parseCsr, type ChainVerification, type IssuedCertificate, type LeafRequest, type ParsedCsr } from "./ca/sandbox-ca.js";
export { IonosSimulator, type IonosSimulatorOptions, type SimulatorWorld } from "./ionos/ionos-simulator.js";
export { TypedRoutes, type Reply, type RouteContext, type RouteGuard, type RouteResolver } from "./typed-routes.js";
