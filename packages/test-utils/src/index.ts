export { requireTool, type ToolCheck } from "./require-tool.js";
export { tempDir } from "./temp-dir.js";
export { fixedClock, type TestClock } from "./clock.js";
export { ansibleCfgCorpus, repoRoot, requireCorpus, type CorpusCheck } from "./corpus.js";
export { memoryIo, type MemoryStreams } from "./memory-io.js";
export {
  RED_HAT_ISSUER,
  fakeAccessToken,
  fakeGatewayToken,
  fakeHubToken,
  fakeJwt,
  fakeOfflineToken,
  fakeOtherJwt,
  fillTokens,
  mintAccessToken,
  mintHubToken,
  mintJwt,
  mintOfflineToken,
} from "./tokens.js";
export {
  FakeHttp,
  fakeHttp,
  reply,
  type FakeRequest,
  type FakeResponse,
  type RequestMatch,
  type Responder,
} from "./fake-http.js";
export { virtualClock, type VirtualClock } from "./virtual-clock.js";
export {
  describeFixtures,
  fixtureFolders,
  updatingFixtures,
  type FixtureCase,
  type FixtureKind,
} from "./fixture-folders.js";
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
export { runCommand, runChecked, type CommandResult } from "./run-command.js";
export { withFileLock } from "./file-lock.js";
export { debianMirror, hostDebianMirror, FALLBACK_DEBIAN_MIRROR } from "./debian-mirror.js";
export {
  ansibleBaseImage,
  buildahSandbox,
  EE_BASE_IMAGE_VERSION,
  type BuildahSandbox,
  type EeBaseImage,
} from "./ee-base-image.js";
export { scanOciArchive, ociBlobKinds, type OciFinding, type BlobKind } from "./oci-scan.js";
export {
  SECRETS_FIXTURES,
  inputFileOf,
  recordedFindings,
  secretsFixtures,
  tokensOf,
  type RecordedFinding,
  type SecretsFixture,
} from "./secrets-fixtures.js";
export { modulesLoaded, type ModulesLoaded } from "./modules-loaded.js";
