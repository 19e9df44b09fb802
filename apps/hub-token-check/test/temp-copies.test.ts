// hub-setup writes a config through a temp file beside it (`.ansible.cfg.hub-setup-tmp-<pid>-<hex>`,
// see @hub-setup/core's atomic write); killed mid-write, it leaves that file behind, holding the token,
// where `git add -A` stages it. The checker reads it as the config it copies, in every mode, and the
// pre-commit hook's `files:` pattern passes it in.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo, type Repo } from "./support/git-repo.js";
import { memoryIo } from "./support/memory-io.js";

const git = requireTool("git");
const token = fakeHubToken("temp-copy");
const galaxy = `[galaxy_server.ah]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`;
const defaults = `[defaults]\nbecome_password = Hunter2Secret!\n`;

/** Temp names as core's atomic write and lock make them, and whether the checker must flag them. */
const FILES: [string, string, boolean][] = [
  [".ansible.cfg.hub-setup-tmp-4242-0123456789ab", galaxy, true],
  ["deploy/..ansible.cfg.hub-setup-tmp-17-a1b2c3d4e5f6", defaults, true],
  [".ansible.cfg.bak.hub-setup-tmp-99-ffeeddccbbaa", galaxy, true],
  ["envs/.hubs.ini.hub-setup-tmp-5-abcdefabcdef", galaxy, true],
  [".ansible.cfg.hub-setup-tmp-4242-0123456789ab.stale", galaxy, true],
  // Not Ansible's config (a *.ini without a galaxy section), but its password is committed all the same (#12).
  ["envs/.tox.ini.hub-setup-tmp-5-abcdefabcdef", defaults, true],
  // A look-alike with nothing secret in it: scanned, nothing flagged.
  ["envs/.notes.md.hub-setup-tmp-5-abcdefabcdef", "nothing secret here\n", false],
];

function repoWithFiles(): Repo {
  const repo = initRepo(tempDir());
  for (const [path, text] of FILES) repo.write(path, text);
  repo.git("add", "-A");
  return repo;
}

describe.skipIf(!git.available)("temp files left by an interrupted hub-setup write", () => {
  it.each([
    ["staged", []],
    ["--all", ["--all"]],
    ["named paths", FILES.map(([path]) => path)],
  ])("%s: are read as the config they copy", async (_mode, argv) => {
    const repo = repoWithFiles();
    const io = memoryIo({ cwd: repo.dir, env: repo.env });
    const code = await main(["--format", "json", ...argv], { io, version: "0" });
    const out = io.out.join("");
    expect(code, out).toBe(EXIT.FINDINGS);
    const json = JSON.parse(out) as { findings: { path: string }[] };
    const flagged = new Set(json.findings.map((f) => f.path));
    for (const [path, , leaks] of FILES) expect(flagged.has(path), path).toBe(leaks);
    expect(out).not.toContain(token);
  });

  it("the text output says what the file is and to delete it", async () => {
    const repo = repoWithFiles();
    const io = memoryIo({ cwd: repo.dir, env: repo.env });
    await main([FILES[0]?.[0] ?? ""], { io, version: "0" });
    expect(io.out.join("")).toContain("a temp file that an interrupted hub-setup write left behind");
  });
});

describe("the pre-commit hook's file filter", () => {
  const hooks = readFileSync(
    fileURLToPath(new URL("../../../.pre-commit-hooks.yaml", import.meta.url)),
    "utf8",
  );
  const pattern = /^\s*files:\s*(.+)$/m.exec(hooks)?.[1]?.trim() ?? "";
  // pre-commit uses Python's re.search; this pattern only needs the (?i) flag translated.
  const files = new RegExp(pattern.replace(/^\(\?i\)/, ""), pattern.startsWith("(?i)") ? "i" : "");

  it.each([
    ...FILES.map(([path]) => path),
    "ansible.cfg",
    "a/hubs.INI",
    "ansible.cfg.bak",
    "ansible.cfg~",
    // #12: tokens leak in every kind of text file, so the hook passes them all.
    "readme.md",
    "Containerfile",
    ".gitlab-ci.yml",
    ".env",
  ])("passes %s to the checker", (path) => {
    expect(files.test(path)).toBe(true);
  });

  it("leaves binaries out by type (pre-commit's `types: [text]`), not by name", () => {
    expect(hooks).toMatch(/^\s*types:\s*\[text\]\s*$/m);
  });
});
