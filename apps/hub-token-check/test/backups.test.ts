// Backup copies of config files (`ansible.cfg.bak` from hub-setup or --fix, `ansible.cfg~` from an
// editor) hold the previous content, which may be the very token just removed; `git add -A` stages them.
// They are scanned like the file they copy: staged, --all and named paths, through real git.
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { memoryIo } from "./support/memory-io.js";
import { main } from "../src/main.js";
import { fakeHubToken, fakeOfflineToken } from "./support/fake-tokens.js";
import { initRepo, type Repo } from "./support/git-repo.js";

const git = requireTool("git");
const leaky = (token: string) =>
  `[galaxy_server.private_hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`;

async function check(repo: Repo, ...argv: string[]) {
  const io = memoryIo({ cwd: repo.dir, env: repo.env });
  const code = await main(["--format", "json", ...argv], { io, version: "0" });
  const out = io.out.join("");
  const json = JSON.parse(out) as { findings: { path: string; line: number; kind: string }[] };
  return { code, out, paths: json.findings.map((f) => f.path).sort() };
}

/** Backups of candidates (flagged) beside look-alikes that are not candidates (not flagged). */
function writeBackups(repo: Repo): string[] {
  const tokens = [
    fakeHubToken("bak"),
    fakeOfflineToken("dot-bak"),
    fakeHubToken("tilde"),
    fakeHubToken("ini-bak"),
    fakeHubToken("upper"),
  ];
  repo.write("ansible.cfg.bak", leaky(tokens[0] ?? ""));
  repo.write("home/.ansible.cfg.bak", leaky(tokens[1] ?? ""));
  repo.write("ansible.cfg~", leaky(tokens[2] ?? ""));
  repo.write("hubs.ini.bak", leaky(tokens[3] ?? ""));
  repo.write("conf/Site.CFG.BAK", leaky(tokens[4] ?? ""));
  // Not Ansible's config, but a token in a committed text file all the same (#12); not named as a backup
  // of a config either, so its fix is the ordinary one.
  repo.write("tox.ini.bak", `[testenv]\ntoken = ${fakeHubToken("tox")}\n`);
  repo.write("notes.bak", leaky(fakeHubToken("notes")));
  return tokens;
}

const FLAGGED = [
  "ansible.cfg.bak",
  "ansible.cfg~",
  "conf/Site.CFG.BAK",
  "home/.ansible.cfg.bak",
  "hubs.ini.bak",
  "notes.bak",
  "tox.ini.bak",
];

describe.skipIf(!git.available)("backup copies of config files", () => {
  it("are scanned when staged, and the fix says to delete them or keep them out of git", async () => {
    const repo = initRepo(tempDir());
    const tokens = writeBackups(repo);
    repo.git("add", "-A");
    const r = await check(repo);
    expect(r.code).toBe(EXIT.FINDINGS);
    expect(r.paths).toEqual(FLAGGED);
    for (const t of tokens) expect(r.out).not.toContain(t);

    const io = memoryIo({ cwd: repo.dir, env: repo.env });
    await main([], { io, version: "0" });
    const text = io.out.join("");
    expect(text).toContain("ansible.cfg.bak:3:9: hub token in [galaxy_server.private_hub] token");
    expect(text).toContain(
      "fix: a backup copy of a config file, holding an old token: delete it, or keep it out of git",
    );
  });

  it("are scanned by --all and when named", async () => {
    const repo = initRepo(tempDir());
    writeBackups(repo);
    repo.git("add", "-A");
    repo.git("commit", "-q", "--no-verify", "-m", "x");
    expect(await check(repo, "--all")).toMatchObject({ code: EXIT.FINDINGS, paths: FLAGGED });
    const named = await check(repo, "ansible.cfg~", "tox.ini.bak", "home/.ansible.cfg.bak");
    expect(named).toMatchObject({
      code: EXIT.FINDINGS,
      paths: ["ansible.cfg~", "home/.ansible.cfg.bak", "tox.ini.bak"],
    });
  });
});
