export { requireTool, type ToolCheck } from "./require-tool.js";
export { tempDir } from "./temp-dir.js";
export { fixedClock, type TestClock } from "./clock.js";
export { ansibleCfgCorpus, repoRoot } from "./corpus.js";
export { memoryIo, type MemoryStreams } from "./memory-io.js";
export {
  deadBusEnv,
  keyringSessionPerFile,
  KEYRING_INSTALL_HINT,
  requireKeyringTools,
  startKeyringSession,
  type KeyringEnv,
  type KeyringSession,
  type KeyringTools,
  type ToolRun,
} from "./keyring-session.js";
export { showsSecret } from "./shows-secret.js";
