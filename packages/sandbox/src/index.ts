export { startSandbox, CLOUD_PREFIX, PRIVATE_PREFIX, DEMO_USERNAME } from "./start.js";
export { DEFAULT_COLLECTIONS } from "./artifacts/catalog.js";
export { OFFLINE_IDLE_MS, ACCESS_TOKEN_SECONDS, DEFAULT_CLIENT_ID } from "./sso/realm.js";
export { STATE_FILE } from "./state.js";
export { CONTROLLER_STATE_FILE } from "./controller/store.js";
export { API_V2_ROOT, GATEWAY_ROOT } from "./controller/controller.js";
export {
  CLOUD_REPOSITORIES,
  PRIVATE_REPOSITORIES,
  type CloudRepository,
  type PrivateRepository,
  type CollectionSpec,
  type ControllerOptions,
  type CredentialKind,
  type FaultTarget,
  type Faults,
  type LogEntry,
  type MintOfflineTokenOptions,
  type Sandbox,
  type SandboxClock,
  type SandboxController,
  type SandboxControllerCredential,
  type SandboxProjectUpdate,
  type SandboxOptions,
  type SandboxUrls,
} from "./types.js";
export {
  runSandboxCommand,
  describeSandbox,
  CLOUD_SERVER_ID,
  PRIVATE_SERVER_ID,
  type SandboxCommandDeps,
  type SandboxCommandOptions,
} from "./cli.js";
