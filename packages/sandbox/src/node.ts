// The Node-only entry: the sandbox served over real HTTP (node:http), for other processes, the CLI and end-to-end tests.
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from "./server/start-sandbox-server.js";
export {
  serveHandlers,
  type HandlerServer,
  type HandlerServerOptions,
  type ListenOptions,
  type RequestFilter,
} from "./server/serve-handlers.js";
export {
  readSandboxStateFile,
  writeSandboxStateFile,
  SandboxStateFileError,
  type SandboxStateFileProblem,
} from "./state/sandbox-state-file.js";
