export {
  json,
  keycloakError,
  keycloakOk,
  startServer,
  type Recorded,
  type Reply,
  type TestServer,
} from "./server.js";
export { noWait, type WaitLog } from "./pacing.js";
export { startProxy, type TestProxy } from "./proxy.js";
export { makeSelfSignedCert, startTlsServer, type SelfSigned } from "./tls.js";
