export { requireTool, type ToolCheck } from "./require-tool.js";
export { tempDir } from "./temp-dir.js";
export { fixedClock, type TestClock } from "./clock.js";
export { ansibleCfgCorpus, repoRoot } from "./corpus.js";
export { memoryIo, type MemoryStreams } from "./memory-io.js";
