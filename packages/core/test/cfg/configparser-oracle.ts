// Runs Python's configparser (configured as ansible-core does) over many texts in one process.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Expected } from "./corpus.js";

const script = join(dirname(fileURLToPath(import.meta.url)), "configparser-view.py");

export function configparserViews(python: string, texts: readonly string[]): Expected[] {
  const run = spawnSync(python, [script], {
    input: JSON.stringify(texts),
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`configparser-view.py failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Expected[];
}
