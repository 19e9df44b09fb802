export { requireTool, type ToolCheck } from "./require-tool.js";
export { tempDir } from "./temp-dir.js";
export { fixedClock, type TestClock } from "./clock.js";
export { ansibleCfgCorpus, repoRoot } from "./corpus.js";
export { memoryIo, type MemoryStreams } from "./memory-io.js";
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
