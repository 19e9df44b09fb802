// The one-process staged reader against real git: for every shape of change, the content it rebuilds
// from `git diff --cached -p` is byte for byte what the index holds (`git show :path`).
import { spawnSync } from "node:child_process";
import { chmodSync, symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { collectStaged } from "../src/source/collect.js";
import { gitRunner } from "../src/source/run-git.js";
import { parseStagedPatch, stagedFiles } from "../src/source/staged-patch.js";
import { childProcessSpawn } from "../src/source/spawn-sync.js";
import { initRepo } from "./support/git-repo.js";

const git = requireTool("git");
const lines = (n: number, eol = "\n") =>
  Array.from({ length: n }, (_, i) => `key${i} = value ${i}${eol}`).join("");

describe.skipIf(!git.available)("stagedFiles", () => {
  it("rebuilds exactly what the index holds, for every kind of change", async () => {
    const repo = initRepo(tempDir());
    const base: Record<string, string> = {
      "modified.cfg": `[a]\n${lines(30)}`,
      "crlf.ini": `[galaxy]\r\n${lines(5, "\r\n")}`,
      "no-eol.cfg": "[a]\nx = 1",
      "gains-eol.cfg": "[a]\nx = 1",
      "loses-eol.cfg": "[a]\nx = 1\n",
      "emptied.cfg": "[a]\nx = 1\n",
      "mode-only.cfg": "[galaxy]\nx = 1\n",
      "blank-lines.cfg": "[a]\n\n\nx = 1\n\n",
      "gone.cfg": "x",
    };
    for (const [p, t] of Object.entries(base)) repo.write(p, t);
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "base");

    repo.write(
      "modified.cfg",
      `[a]\n${lines(30).replace("key3 = value 3\n", "").replace("key20 = value 20\n", "key20 = changed\nadded = 1\n")}`,
    );
    repo.write("crlf.ini", `[galaxy]\r\n${lines(6, "\r\n")}`);
    repo.write("no-eol.cfg", "[a]\nx = 2");
    repo.write("gains-eol.cfg", "[a]\nx = 1\n");
    repo.write("loses-eol.cfg", "[a]\nx = 1");
    repo.write("emptied.cfg", "");
    chmodSync(join(repo.dir, "mode-only.cfg"), 0o755);
    repo.write("blank-lines.cfg", "[a]\n\n\nx = 2\n\n\n");
    repo.write("new empty.cfg", "");
    repo.write("dir with space/ansible.cfg", "[galaxy_server.a]\nurl = x\n");
    repo.write('odd\nname\t"quoted"/ünï.cfg', "[galaxy]\nx = 1\n");
    repo.write("latin1.ini", Buffer.from("[a]\n# caf\xe9\n", "latin1"));
    repo.write("readme.md", "a text file: a candidate too (#12: tokens leak in any text file)\n");
    symlinkSync("modified.cfg", join(repo.dir, "link.cfg"));
    unlinkSync(join(repo.dir, "gone.cfg"));
    repo.write("new.cfg", "[a]\nfresh = 1\n");
    repo.git("add", "-A");

    const files = await stagedFiles(gitRunner(repo.dir, repo.env, () => childProcessSpawn(spawnSync)));
    const byPath = new Map(files.map((f) => [f.path, f]));
    const expected = [
      "modified.cfg",
      "crlf.ini",
      "no-eol.cfg",
      "gains-eol.cfg",
      "loses-eol.cfg",
      "emptied.cfg",
      "mode-only.cfg",
      "blank-lines.cfg",
      "new empty.cfg",
      "dir with space/ansible.cfg",
      'odd\nname\t"quoted"/ünï.cfg',
      "latin1.ini",
      "link.cfg",
      "new.cfg",
      "readme.md",
    ];
    expect([...byPath.keys()].sort()).toEqual(expected.sort());
    expect(byPath.get("link.cfg")).toMatchObject({
      skip: expect.stringContaining("symbolic link") as unknown,
    });
    for (const path of expected.filter((p) => p !== "link.cfg")) {
      const f = byPath.get(path);
      const index = spawnSync("git", ["show", `:${path}`], { cwd: repo.dir, env: repo.env });
      if (f !== undefined && "bytes" in f) expect(f.bytes.equals(index.stdout), path).toBe(true);
      else if (path === "mode-only.cfg") expect(f).toEqual({ path, lookup: true });
      else expect(f, path).toMatchObject({ oid: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown });
    }
    // What the patch cannot carry (a new empty file, a pure mode change) is read from the index instead.
    const collected = await collectStaged(gitRunner(repo.dir, repo.env, () => childProcessSpawn(spawnSync)));
    const text = new Map(collected.files.map((f) => [f.path, f.text]));
    expect(text.get("mode-only.cfg")).toBe("[galaxy]\nx = 1\n");
    expect(text.get("new empty.cfg")).toBe(""); // read from the index: empty, so nothing to find
    // latin1.ini is read (#16: as Ansible reads it) and scanned like every text file (#12).
    expect(text.get("latin1.ini")).toBe("[a]\n# caf\u00e9\n");
    expect(collected.skipped).toEqual([
      { path: "link.cfg", reason: "a symbolic link (its target is checked where it is tracked)" },
    ]);
  });
});

describe.skipIf(!git.available)("what could hide staged content from the patch", () => {
  const token = "0123456789abcdef0123456789abcdef01234567";
  const before = `[galaxy_server.a]\nurl = https://a.example/\ntoken = ${token}\n`;
  const after = before.replace("[galaxy_server.a]", "[galaxy_server.b]");

  async function stagedText(repo: ReturnType<typeof initRepo>, env: Record<string, string>) {
    const collected = await collectStaged(gitRunner(repo.dir, env, () => childProcessSpawn(spawnSync)));
    return new Map(collected.files.map((f) => [f.path, f.text]));
  }

  it("GIT_DIFF_OPTS=-u0 (it overrides --unified): the whole staged file is still read", async () => {
    const repo = initRepo(tempDir());
    repo.write("ansible.cfg", before);
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "base");
    repo.write("ansible.cfg", after); // only line 1 changes
    repo.git("add", "-A");
    const env = { ...repo.env, GIT_DIFF_OPTS: "-u0" };
    const [file] = await stagedFiles(gitRunner(repo.dir, env, () => childProcessSpawn(spawnSync)));
    expect(file).toEqual({ path: "ansible.cfg", bytes: Buffer.from(after) });
    expect((await stagedText(repo, env)).get("ansible.cfg")).toBe(after);
  });

  it("a `-diff` or `binary` attribute: git calls the file binary, its bytes are read and scanned", async () => {
    const repo = initRepo(tempDir());
    repo.write(".gitattributes", "*.cfg -diff\n*.ini binary\n");
    repo.write("ansible.cfg", after);
    repo.write("hubs.ini", before);
    repo.write("nul/ansible.cfg", Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0x00]));
    repo.git("add", "-A");
    const collected = await collectStaged(gitRunner(repo.dir, repo.env, () => childProcessSpawn(spawnSync)));
    expect(new Map(collected.files.map((f) => [f.path, f.text]))).toEqual(
      new Map([
        [".gitattributes", "*.cfg -diff\n*.ini binary\n"],
        ["ansible.cfg", after],
        ["hubs.ini", before],
        // #16: a NUL byte no longer makes a config skipped; it is read as Ansible reads it.
        ["nul/ansible.cfg", "[a]\n\u0000"],
      ]),
    );
    expect(collected.skipped).toEqual([]);
  });
});

describe("parseStagedPatch", () => {
  it("sends a file whose hunk does not start at line 1 to git cat-file instead of guessing", () => {
    const patch = Buffer.from(
      [
        "diff --git a/x.cfg b/x.cfg",
        "index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644",
        "--- a/x.cfg",
        "+++ b/x.cfg",
        "@@ -5,2 +5,2 @@",
        " a",
        "-b",
        "+c",
        "",
      ].join("\n"),
    );
    expect(parseStagedPatch(patch)).toEqual([
      { path: "x.cfg", oid: "2222222222222222222222222222222222222222" },
    ]);
  });

  it("sends what git calls binary to git cat-file, so that the bytes decide; skips it with no blob id", () => {
    const binary = "Binary files /dev/null and b/b.ini differ\n";
    const patch = Buffer.from(
      `diff --git a/b.ini b/b.ini\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..3333333333333333333333333333333333333333\n${binary}`,
    );
    expect(parseStagedPatch(patch)).toEqual([
      { path: "b.ini", oid: "3333333333333333333333333333333333333333" },
    ]);
    expect(parseStagedPatch(Buffer.from(`diff --git a/b.ini b/b.ini\n${binary}`))).toEqual([
      { path: "b.ini", skip: "binary (git sees it as binary)" },
    ]);
  });
});
