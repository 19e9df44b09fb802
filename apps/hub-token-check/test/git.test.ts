// The default mode reads the index through real git: what is staged, not what is on disk.
import { join } from "node:path";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { memoryIo } from "./support/memory-io.js";
import { main } from "../src/main.js";
import { fakeHubToken, fakeOfflineToken } from "./support/fake-tokens.js";
import { initRepo, type Repo } from "./support/git-repo.js";

const git = requireTool("git");
const clean = "[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\n";
const leaky = (token: string) => `${clean}token = ${token}\n`;

async function check(repo: Repo, ...argv: string[]) {
  const io = memoryIo({ cwd: repo.dir, env: repo.env });
  const code = await main(["--format", "json", ...argv], { io, version: "0" });
  const out = io.out.join("");
  return {
    code,
    err: io.err.join(""),
    json:
      out === ""
        ? undefined
        : (JSON.parse(out) as {
            findings: { path: string; line: number; kind: string }[];
            skipped: { path: string; reason: string }[];
          }),
  };
}

describe.skipIf(!git.available)("staged content, with real git", () => {
  it("catches a token that is staged and then removed from the working tree", async () => {
    const repo = initRepo(tempDir());
    const token = fakeHubToken("staged");
    repo.write("ansible.cfg", leaky(token));
    repo.git("add", "ansible.cfg");
    repo.write("ansible.cfg", clean);
    const r = await check(repo);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(r.json?.findings).toMatchObject([{ path: "ansible.cfg", line: 3, kind: "hub token" }]);
    expect(JSON.stringify(r.json)).not.toContain(token);
  });

  it("ignores a token that is only in the working tree", async () => {
    const repo = initRepo(tempDir());
    repo.write("ansible.cfg", clean);
    repo.git("add", "ansible.cfg");
    repo.write("ansible.cfg", leaky(fakeHubToken("unstaged")));
    const r = await check(repo);
    expect(r.code).toBe(EXIT.CLEAN);
    expect(r.json?.findings).toEqual([]);
    // …while naming the file scans the working tree, as the pre-commit framework expects.
    expect((await check(repo, "ansible.cfg")).code).toBe(EXIT.FINDINGS);
  });

  it("handles paths with spaces and newlines, and scans *.cfg/*.ini without a galaxy section too (#12)", async () => {
    const repo = initRepo(tempDir());
    repo.write("dir with space/ansible.cfg", leaky(fakeHubToken("space")));
    repo.write("odd\nname/.ansible.cfg", leaky(fakeOfflineToken("newline")));
    repo.write("hubs.ini", leaky(fakeHubToken("ini")));
    repo.write("tox.ini", `[testenv]\ntoken = ${fakeHubToken("not-ansible")}\n`);
    repo.git("add", "-A");
    const r = await check(repo);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(r.json?.findings.map((f) => f.path).sort()).toEqual([
      "dir with space/ansible.cfg",
      "hubs.ini",
      "odd\nname/.ansible.cfg",
      // Not Ansible's config, but a hub token committed all the same.
      "tox.ini",
    ]);
  });

  // #16: these were skipped (exit 0) and so hid any token in them; Ansible reads them, so we do too.
  // Tokens in such files: test/odd-files.test.ts.
  it("reads NUL-holding, non-UTF-8 and huge config files, never a crash, nothing skipped", async () => {
    const repo = initRepo(tempDir());
    repo.write("bin/ansible.cfg", Buffer.from([0x5b, 0x61, 0x5d, 0x00, 0x01]));
    repo.write("latin1/ansible.cfg", Buffer.from("[defaults]\n# caf\xe9\n", "latin1"));
    repo.write("huge/ansible.cfg", `[defaults]\n${"# filler\n".repeat(130_000)}`);
    repo.git("add", "-A");
    const r = await check(repo);
    expect(r.code).toBe(EXIT.CLEAN);
    expect(r.json?.findings).toEqual([]);
    expect(r.json?.skipped).toEqual([]);
  });

  it("--all scans every tracked file as the index holds it, committed or not", async () => {
    const repo = initRepo(tempDir());
    repo.write("a/ansible.cfg", leaky(fakeHubToken("committed")));
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "x");
    repo.write("b/ansible.cfg", clean);
    repo.git("add", "-A");
    expect((await check(repo)).code).toBe(EXIT.CLEAN);
    const all = await check(repo, "--all");
    expect(all.code).toBe(EXIT.FINDINGS);
    expect(all.json?.findings.map((f) => f.path)).toEqual(["a/ansible.cfg"]);
  });

  it("from a subfolder, scans the whole index (staged and --all) and names paths from the top", async () => {
    const repo = initRepo(tempDir());
    repo.write("ansible.cfg", leaky(fakeHubToken("top")));
    repo.write("Hubs.INI", leaky(fakeHubToken("upper-case")));
    repo.write("sub/deeper/readme.md", "a subfolder\n");
    repo.git("add", "-A");
    const fromSub = async (...argv: string[]) => {
      const io = memoryIo({ cwd: join(repo.dir, "sub/deeper"), env: repo.env });
      const code = await main(["--format", "json", ...argv], { io, version: "0" });
      const json = JSON.parse(io.out.join("")) as { findings: { path: string }[] };
      return { code, paths: json.findings.map((f) => f.path).sort() };
    };
    expect(await fromSub()).toEqual({ code: EXIT.FINDINGS, paths: ["Hubs.INI", "ansible.cfg"] });
    expect(await fromSub("--all")).toEqual({ code: EXIT.FINDINGS, paths: ["Hubs.INI", "ansible.cfg"] });
  });

  it("says so, with exit 2, outside a git repository", async () => {
    const dir = tempDir();
    const io = memoryIo({
      cwd: dir,
      env: { PATH: process.env["PATH"], HOME: dir, GIT_CEILING_DIRECTORIES: dir },
    });
    expect(await main([], { io, version: "0" })).toBe(EXIT.ERROR);
    expect(io.err.join("")).toContain("not inside a git repository");
  });
});
