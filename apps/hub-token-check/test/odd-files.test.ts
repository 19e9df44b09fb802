// A config file the checker cannot decode as plain UTF-8 text is still read, as Ansible reads it
// (Python's surrogateescape): one Latin-1 byte, a NUL byte or a size over 1 MiB never hides a token.
// Only a real binary (an image, an archive: by its magic bytes) is skipped, with a note — and never a
// file named like Ansible's own config. In all three modes: staged, --all and named paths.
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { main } from "../src/main.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo, type Repo } from "./support/git-repo.js";
import { memoryIo } from "./support/memory-io.js";

const git = requireTool("git");
const token = fakeHubToken("odd-files");
const leaky = `[galaxy_server.ah]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);

/** Each file, and whether it must give a finding (true) or be skipped as a binary (false). */
const FILES: [string, Buffer, boolean][] = [
  ["latin1/ansible.cfg", Buffer.concat([Buffer.from(leaky), Buffer.from("# caf\xe9\n", "latin1")]), true],
  ["nul/ansible.cfg", Buffer.concat([Buffer.from(leaky), Buffer.from([0x23, 0x00, 0x0a])]), true],
  ["huge/ansible.cfg", Buffer.from(`${leaky}${"# filler line\n".repeat(90_000)}`), true],
  ["nul-hubs.ini", Buffer.concat([Buffer.from([0x00, 0x0a]), Buffer.from(leaky)]), true],
  ["png/ansible.cfg", Buffer.concat([PNG, Buffer.from(`\n${leaky}`)]), true],
  ["picture.ini", Buffer.concat([PNG, Buffer.from(`\n${leaky}`)]), false],
  // What Windows PowerShell 5's `>` writes: UTF-16LE with a BOM (its NUL bytes make it no binary).
  [
    "utf16/.env",
    utf16le(`ANSIBLE_GALAXY_SERVER_LIST=pah\r\nANSIBLE_GALAXY_SERVER_PAH_TOKEN=${token}\r\n`),
    true,
  ],
];

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

type Json = {
  findings: { path: string; line: number; column: number; kind: string }[];
  skipped: { path: string; reason: string }[];
};

function repoWithFiles(): Repo {
  const repo = initRepo(tempDir());
  for (const [path, bytes] of FILES) repo.write(path, bytes);
  repo.git("add", "-A");
  return repo;
}

async function check(repo: Repo, argv: string[]) {
  const io = memoryIo({ cwd: repo.dir, env: repo.env });
  const code = await main(["--format", "json", ...argv], { io, version: "0" });
  const out = io.out.join("");
  return { code, out, json: JSON.parse(out) as Json };
}

describe.skipIf(!git.available)("files that are not plain UTF-8 text", () => {
  it.each([
    ["staged", []],
    ["--all", ["--all"]],
    ["named paths", FILES.map(([path]) => path)],
  ])(
    "%s: a Latin-1 byte, a NUL byte or 1 MiB hides no token; a real binary is skipped with a note",
    async (_mode, argv) => {
      const r = await check(repoWithFiles(), argv);
      expect(r.code, r.out).toBe(EXIT.FINDINGS);
      const flagged = new Set(r.json.findings.map((f) => f.path));
      for (const [path, , leaks] of FILES) expect(flagged.has(path), path).toBe(leaks);
      expect(r.json.skipped.map((s) => s.path)).toEqual(["picture.ini"]);
      expect(r.json.skipped[0]?.reason).toMatch(/binary.*PNG/);
      expect(r.out).not.toContain(token);
      const utf16 = r.json.findings.find((f) => f.path === "utf16/.env");
      expect(utf16).toMatchObject({ line: 2, column: 33, kind: "hub token" });
    },
  );
});
