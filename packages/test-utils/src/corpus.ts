import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder (this file is packages/test-utils/src/corpus.ts). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export type CorpusCheck = { available: true; dir: string } | { available: false; reason: string };

const corpusPath = join(repoRoot, "..", "shared", "corpus", "ansible-cfg");

/**
 * The shared corpus of real ansible.cfg files (files/, expected/, index.tsv). It is not in the
 * repository: CI and every session lay `shared/` beside the clone. Like `requireTool`: missing, the
 * tests that read it skip with a printed reason; under CI=true a missing corpus is a failure, because
 * CI lays it there and a skip would hide that it did not.
 */
export function requireCorpus(): CorpusCheck {
  if (existsSync(join(corpusPath, "index.tsv"))) return { available: true, dir: corpusPath };
  const reason = `the ansible-cfg corpus is not beside this clone (expected ${corpusPath}, from shared/ beside the repository)`;
  if (process.env["CI"] === "true") {
    throw new Error(`CI=true and ${reason}: CI must lay shared/ beside the clone`);
  }
  console.warn(`[skip] ${reason}`);
  return { available: false, reason };
}

/** The corpus folder; throws when it is missing. Prefer `requireCorpus()`, which skips outside CI. */
export function ansibleCfgCorpus(): string {
  const corpus = requireCorpus();
  if (!corpus.available) throw new Error(corpus.reason);
  return corpus.dir;
}
