// Where the shared ansible-cfg corpus lives: beside the repository (CI clones the repo next to shared/).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { requireCorpus } from "@hub-setup/test-utils";

/** Whether the corpus is there (tests that read it skip with a printed reason when not, outside CI). */
export const corpus = requireCorpus();

export type Expected =
  | { ok: true; sections: Record<string, Record<string, string>>; defaults: Record<string, string> }
  | { ok: false; error: string };

export interface CorpusFile {
  id: string;
  text: string;
  expected: Expected;
}

/** Every corpus file; none when the corpus is missing (the tests that need it are skipped then). */
export function loadCorpus(): CorpusFile[] {
  if (!corpus.available) return [];
  const corpusDir = corpus.dir;
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
