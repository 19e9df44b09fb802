// Where the shared ansible-cfg corpus lives: beside the repository (CI clones the repo next to shared/).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
export const corpusDir = join(repoRoot, "..", "shared", "corpus", "ansible-cfg");

export type Expected =
  | { ok: true; sections: Record<string, Record<string, string>>; defaults: Record<string, string> }
  | { ok: false; error: string };

export interface CorpusFile {
  id: string;
  text: string;
  expected: Expected;
}

export function loadCorpus(): CorpusFile[] {
  if (!existsSync(join(corpusDir, "files"))) {
    throw new Error(
      `the ansible-cfg corpus is missing: expected it at ${corpusDir} (shared/ beside the repo)`,
    );
  }
  return readdirSync(join(corpusDir, "files"))
    .filter((f) => f.endsWith(".cfg"))
    .sort()
    .map((f) => {
      const id = f.slice(0, -4);
      return {
        id,
        text: readFileSync(join(corpusDir, "files", f), "utf8"),
        expected: JSON.parse(readFileSync(join(corpusDir, "expected", `${id}.json`), "utf8")) as Expected,
      };
    });
}

/** The 1-based line configparser names in its message ("[line  5]" or "line: 1"). */
export function pythonErrorLine(error: string): number | undefined {
  const m = /\[line\s+(\d+)\]|line: (\d+)/.exec(error);
  return m == null ? undefined : Number(m[1] ?? m[2]);
}
