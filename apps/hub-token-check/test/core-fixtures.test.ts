// End to end: core's secrets fixtures, every file type, staged in a real git repository and checked the
// way the pre-commit hook checks them (staged, --all, named paths). The checker must report exactly what
// the detector recorded for each fixture: nothing for ok.*, the recorded findings for ng.*.
import { join } from "node:path";
import { recordedFindings, requireTool, secretsFixtures, tempDir, tokensOf } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import { initRepo, type Repo } from "./support/git-repo.js";
import { memoryIo } from "./support/memory-io.js";

const git = requireTool("git");
const fixtures = secretsFixtures();

type Reported = { path: string; line: number; column: number; kind: string; key: string | null };

function stageAll(): Repo {
  const repo = initRepo(tempDir());
  for (const f of fixtures) repo.write(join(f.name, f.file), f.text);
  repo.git("add", "-A");
  return repo;
}

async function check(repo: Repo, argv: string[]) {
  const io = memoryIo({ cwd: repo.dir, env: repo.env });
  const code = await main(["--format", "json", ...argv], { io, version: "0" });
  const out = io.out.join("");
  return { code, out, findings: (JSON.parse(out) as { findings: Reported[] }).findings };
}

function expected(): Reported[] {
  return fixtures.flatMap((f) =>
    recordedFindings(f).map((r) => ({
      path: `${f.name}/${f.file}`,
      line: r.line,
      column: r.column,
      kind: r.kind,
      key: r.key,
    })),
  );
}

function pick(findings: Reported[]): Reported[] {
  return findings.map(({ path, line, column, kind, key }) => ({ path, line, column, kind, key }));
}

describe.skipIf(!git.available)("core's secrets fixtures, staged in real git", () => {
  it("has fixtures of many file types", () => {
    expect(new Set(fixtures.map((f) => f.file)).size).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ["staged", [] as string[]],
    ["--all", ["--all"]],
    ["named paths", fixtures.map((f) => `${f.name}/${f.file}`)],
  ])("%s: flags exactly what the detector recorded, and never prints a token", async (_mode, argv) => {
    const repo = stageAll();
    if (argv[0] === "--all") repo.git("commit", "-q", "--no-verify", "-m", "fixtures");
    const r = await check(repo, argv);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(pick(r.findings)).toEqual(expected());
    for (const f of fixtures.filter((x) => x.name.startsWith("ok."))) {
      expect(
        r.findings.filter((x) => x.path.startsWith(`${f.name}/`)),
        f.name,
      ).toEqual([]);
    }
    for (const f of fixtures) {
      for (const token of tokensOf(f))
        expect(r.out.includes(token), `${f.name}: a token in full`).toBe(false);
    }
  });
});
