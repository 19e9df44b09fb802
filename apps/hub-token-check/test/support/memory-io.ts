import { spawn, spawnSync } from "node:child_process";
import { memoryIo as recordingIo, type MemoryStreams } from "@hub-setup/test-utils";
import type { Io } from "../../src/io.js";
import { childProcessSpawn } from "../../src/source/spawn-sync.js";

/** The checker's Io for tests: output recorded, the real git runs, nothing else of the test's process leaks in. */
export function memoryIo(overrides: Partial<Io> = {}): Io & MemoryStreams {
  const defaults: Omit<Io, "stdout" | "stderr"> = {
    env: {},
    cwd: "/",
    pid: process.pid,
    loadSpawn: () => childProcessSpawn(spawnSync),
    loadSpawnAsync: () => spawn,
  };
  return recordingIo(defaults, overrides);
}
