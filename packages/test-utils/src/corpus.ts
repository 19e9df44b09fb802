import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder (this file is packages/test-utils/src/corpus.ts). */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The shared corpus of real ansible.cfg files (files/, expected/, index.tsv). It is not in the
 * repository: CI and every session lay `shared/` beside the clone. Missing, it fails loudly.
 */
export function ansibleCfgCorpus(): string {
  const dir = join(repoRoot, "..", "shared", "corpus", "ansible-cfg");
  if (!existsSync(join(dir, "index.tsv"))) {
    throw new Error(
      `the ansible-cfg corpus is missing: expected it at ${dir} (shared/ beside the repository)`,
    );
  }
  return dir;
}
