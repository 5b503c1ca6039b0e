// certkit's own test helpers. Private: never published, used only by the packages' tests.
export { collect } from "./collect.js";
export {
  describeClientConformance,
  type ClientConformanceTarget,
  type CredentialPlace,
  type InvalidOptionsCase,
  type ReadOptions,
} from "./client-conformance.js";
export { expectNoSecret, failureOf, thrownBy, type Failure } from "./failures.js";
export {
  describeBoundedAnswers,
  describeRedirectRefusal,
  type ConformanceOptions,
  type ConformanceTarget,
} from "./hostile-server.js";
export { startLoopbackServer, type LoopbackServer } from "./loopback-server.js";
export { useMswServer, type MswTestServer } from "./msw-server.js";
