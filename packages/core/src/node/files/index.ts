// Config discovery, reading with a snapshot, and atomic writes under a lock: the file-system edge of the
// ansible.cfg editor.
export { findAnsibleConfig, type ConfigCandidate, type ConfigDiscovery } from "./discovery.js";
export { nodeDiscoveryFs, type DiscoveryFs } from "./discovery-fs.js";
export { readConfigFile, type FileSnapshot } from "./read-config.js";
export {
  writeFileAtomic,
  resolveWriteTarget,
  sweepTemps,
  type WriteFileOptions,
  type WriteFileResult,
} from "./atomic-write.js";
export { decodeConfigBytes, encodeConfigText } from "../../cfg/text-codec.js";
