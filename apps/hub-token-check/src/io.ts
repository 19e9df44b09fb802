import type { Spawn, SpawnAsync } from "./source/run-git.js";

/** What the checker may touch of the outside world's process. bin.ts builds the real one. */
export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** This process's id, for temp file names that say who wrote them. */
  pid: number;
  /** A synchronous spawn (spawn-sync.ts), loaded on first use (scanning named files never needs it). */
  loadSpawn: () => Spawn;
  /** node:child_process's spawn, loaded on first use: only `--all` streams git's output. */
  loadSpawnAsync: () => SpawnAsync;
};
