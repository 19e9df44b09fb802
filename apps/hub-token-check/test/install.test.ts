// `hub-token-check install` with real git: the hook lands where git runs hooks from, keeps and chains
// an existing hook, is idempotent, and a real commit through it is stopped or let through.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { rename as realRename, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { CHAINED_NAME, HOOK_MARKER } from "../src/install/hook-script.js";
import { installHook, type HookFs } from "../src/install/install-hook.js";
import { memoryIo } from "./support/memory-io.js";
import { main } from "../src/main.js";
import { gitRunner } from "../src/source/run-git.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo, type Repo } from "./support/git-repo.js";

const git = requireTool("git");
const bin = fileURLToPath(new URL("../bin/hub-token-check.cjs", import.meta.url));
const self = [process.execPath, bin];

async function install(repo: Repo, cwd = repo.dir) {
  const io = memoryIo({ cwd, env: repo.env });
  const code = await main(["install"], { io, version: "0", self });
  return { code, out: io.out.join(""), err: io.err.join("") };
}

function commit(repo: Repo, message: string) {
  return spawnSync("git", ["commit", "-q", "-m", message], {
    cwd: repo.dir,
    env: repo.env,
    encoding: "utf8",
  });
}

describe.skipIf(!git.available)("hub-token-check install", () => {
  it("writes an executable hook that stops a commit with a token and lets a clean one through", async () => {
    const repo = initRepo(tempDir());
    const r = await install(repo);
    expect(r.code).toBe(EXIT.CLEAN);
    const hook = join(repo.dir, ".git/hooks/pre-commit");
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(readFileSync(hook, "utf8")).toContain(HOOK_MARKER);

    repo.write(
      "ansible.cfg",
      `[galaxy_server.hub]\nurl = https://h.example/\ntoken = ${fakeHubToken("hook")}\n`,
    );
    repo.git("add", "ansible.cfg");
    const refused = commit(repo, "with token");
    expect(refused.status).not.toBe(0);
    // git hands a hook's stdout to the committer's stderr.
    expect(refused.stdout + refused.stderr).toContain("ansible.cfg:3:9: hub token");
    expect(refused.stdout + refused.stderr).not.toContain(fakeHubToken("hook"));

    repo.write("ansible.cfg", "[galaxy_server.hub]\nurl = https://h.example/\n");
    repo.git("add", "ansible.cfg");
    expect(commit(repo, "clean").status).toBe(0);
  });

  it("keeps an existing hook, runs it first, and is idempotent", async () => {
    const repo = initRepo(tempDir());
    repo.write(".git/hooks/pre-commit", '#!/bin/sh\necho "previous hook ran" > previous-ran.txt\n');
    spawnSync("chmod", ["+x", join(repo.dir, ".git/hooks/pre-commit")]);
    expect((await install(repo)).out).toContain(`kept as ${join(repo.dir, ".git/hooks", CHAINED_NAME)}`);
    const first = readFileSync(join(repo.dir, ".git/hooks/pre-commit"), "utf8");
    const again = await install(repo);
    expect(again.out).toContain("updated");
    expect(readFileSync(join(repo.dir, ".git/hooks/pre-commit"), "utf8")).toBe(first);
    expect(readFileSync(join(repo.dir, ".git/hooks", CHAINED_NAME), "utf8")).toContain("previous hook ran");

    repo.write("README.md", "hello\n");
    repo.git("add", "README.md");
    expect(commit(repo, "x").status).toBe(0);
    expect(existsSync(join(repo.dir, "previous-ran.txt"))).toBe(true);
  });

  it("stops the commit when the previous hook fails, without running the checker", async () => {
    const repo = initRepo(tempDir());
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho previous says no >&2\nexit 3\n");
    spawnSync("chmod", ["+x", join(repo.dir, ".git/hooks/pre-commit")]);
    expect((await install(repo)).code).toBe(EXIT.CLEAN);
    // Staged: a token the checker would flag, so a run of the checker would show in the output.
    const token = fakeHubToken("chained");
    repo.write("ansible.cfg", `[galaxy_server.hub]\nurl = https://h.example/\ntoken = ${token}\n`);
    repo.git("add", "ansible.cfg");

    const r = commit(repo, "x");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("previous says no");
    const output = r.stdout + r.stderr;
    expect(output).not.toContain("ansible.cfg:3:9");
    expect(output).not.toContain("hub-token-check:");
    // Nothing was committed.
    expect(
      spawnSync("git", ["rev-parse", "-q", "--verify", "HEAD"], { cwd: repo.dir, env: repo.env }).status,
    ).not.toBe(0);

    // Control: once the previous hook passes, the checker runs on the same staged file and stops it.
    repo.write(`.git/hooks/${CHAINED_NAME}`, "#!/bin/sh\nexit 0\n");
    const checked = commit(repo, "x");
    expect(checked.status).not.toBe(0);
    expect(checked.stdout + checked.stderr).toContain("ansible.cfg:3:9: hub token");
  });

  it("never changes the mode of the user's hook it keeps", async () => {
    for (const mode of [0o700, 0o750, 0o644]) {
      const repo = initRepo(tempDir());
      repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
      chmodSync(join(repo.dir, ".git/hooks/pre-commit"), mode);
      expect((await install(repo)).code).toBe(EXIT.CLEAN);
      expect(statSync(join(repo.dir, ".git/hooks", CHAINED_NAME)).mode & 0o7777, mode.toString(8)).toBe(mode);
    }
  });

  it("says a kept hook that is not executable did not run before and will not run now", async () => {
    const repo = initRepo(tempDir());
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
    chmodSync(join(repo.dir, ".git/hooks/pre-commit"), 0o644);
    const r = await install(repo);
    expect(r.out).toContain("it is not executable, so git did not run it and it will not run now");
  });

  describe("when a write fails, the user's hook stays where it was and no temp file is left", () => {
    const userHook = "#!/bin/sh\necho mine\n";

    async function installWith(fs: Partial<HookFs>) {
      const repo = initRepo(tempDir());
      repo.write(".git/hooks/pre-commit", userHook);
      chmodSync(join(repo.dir, ".git/hooks/pre-commit"), 0o700);
      const io = memoryIo({ cwd: repo.dir, env: repo.env });
      const git = gitRunner(repo.dir, repo.env, io.loadSpawn);
      const result = installHook({ io, git, self, fs }).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      return { repo, io, error: await result };
    }

    function expectUntouched(dir: string) {
      const hooks = join(dir, ".git/hooks");
      expect(readFileSync(join(hooks, "pre-commit"), "utf8")).toBe(userHook);
      expect(statSync(join(hooks, "pre-commit")).mode & 0o7777).toBe(0o700);
      const ours = readdirSync(hooks).filter((f) => f.includes("hub-token-check"));
      expect(ours).toEqual([]);
    }

    it("writing our hook fails (disk full)", async () => {
      const full = Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      const { repo, error } = await installWith({
        // Half a file, then the disk is full: the temp file exists when the write fails.
        writeHook: async (path) => {
          await writeFile(path, "#!/bin/sh\n", { mode: 0o755 });
          throw full;
        },
      });
      expect(error?.message).toContain("no space left on device");
      expect(error?.message).toContain("nothing was changed");
      expectUntouched(repo.dir);
    });

    it("renaming ours into place fails after the user's hook was moved aside: it is moved back", async () => {
      // Only the first rename onto pre-commit fails (ours); the one that moves the user's hook back works.
      let failed = false;
      const renames: string[] = [];
      const { repo, error } = await installWith({
        rename: (from, to) => {
          renames.push(`${basename(from)} -> ${basename(to)}`);
          if (failed || !to.endsWith("/pre-commit")) return realRename(from, to);
          failed = true;
          return Promise.reject(Object.assign(new Error("EIO: i/o error"), { code: "EIO" }));
        },
      });
      // The user's hook was really moved aside first, so the roll-back is what put it back.
      expect(renames[0]).toBe(`pre-commit -> ${CHAINED_NAME}`);
      expect(renames.at(-1)).toBe(`${CHAINED_NAME} -> pre-commit`);
      expect(error?.message).toContain("i/o error");
      expectUntouched(repo.dir);
    });
  });

  it("respects core.hooksPath, from a subfolder too", async () => {
    const repo = initRepo(tempDir());
    repo.git("config", "core.hooksPath", ".githooks");
    repo.write("sub/keep.txt", "x");
    expect((await install(repo, join(repo.dir, "sub"))).code).toBe(EXIT.CLEAN);
    expect(readFileSync(join(repo.dir, ".githooks/pre-commit"), "utf8")).toContain(HOOK_MARKER);
    expect(existsSync(join(repo.dir, ".git/hooks/pre-commit"))).toBe(false);
  });

  it("tells husky users where the line goes instead of writing into husky's folder", async () => {
    const repo = initRepo(tempDir());
    repo.git("config", "core.hooksPath", ".husky/_");
    const r = await install(repo);
    expect(r.code).toBe(EXIT.ERROR);
    expect(r.err).toContain(".husky/pre-commit");
    expect(existsSync(join(repo.dir, ".husky/_/pre-commit"))).toBe(false);
  });
});
