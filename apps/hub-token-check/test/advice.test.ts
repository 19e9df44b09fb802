// The closing advice names a --fix command that works where the checker ran (issue #13 item 7): real
// git commits through the hook `install` writes, and through real npx; each printed command is then run
// in a shell exactly as printed, and it fixes the file.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { openSecretStore } from "@hub-setup/core/node";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { shellQuote } from "../src/report/shell-quote.js";
import { BIN, installedCheckerDir, pathWithoutChecker } from "./support/checker-path.js";
import { fakeHubToken } from "./support/fake-tokens.js";
import { initRepo } from "./support/git-repo.js";

const git = requireTool("git");
const npx = requireTool("npx");
const token = fakeHubToken("advice");
const leaky = `[galaxy_server.hub]\nurl = https://hub.example.com/api/galaxy/\ntoken = ${token}\n`;

/** A repository with a token staged, on a machine whose PATH is `path`; a file store in a temp folder. */
async function world(path: string) {
  const repo = initRepo(tempDir("hub-token-check-advice-"));
  const env = {
    ...repo.env,
    PATH: path,
    XDG_CONFIG_HOME: join(repo.dir, ".xdg"),
    npm_config_update_notifier: "false",
  };
  // A file store already in use: core's "auto" keeps to it, so nothing reaches a real OS keyring.
  await (await openSecretStore({ env, backend: "file" })).set("unrelated", fakeHubToken("unrelated"));
  repo.write("ansible.cfg", leaky);
  repo.git("add", "ansible.cfg");
  const sh = (command: string) => spawnSync("sh", ["-c", command], { cwd: repo.dir, env, encoding: "utf8" });
  return { repo, env, sh };
}

/** The command the closing advice names, exactly as printed between backquotes. */
function advisedFix(output: string): string {
  const m = /`([^`\n]+ --fix)` moves the tokens/.exec(output);
  expect(m, output).not.toBeNull();
  return m?.[1] ?? "";
}

/** Runs the advised command as printed: it fixes the file (the token leaves it, into the store). */
async function expectItFixes(w: Awaited<ReturnType<typeof world>>, command: string) {
  const fixed = w.sh(command);
  expect(fixed.status, fixed.stderr).toBe(EXIT.FINDINGS);
  expect(fixed.stdout).toContain("moved the token of [galaxy_server.hub] into the secret store");
  expect(readFileSync(join(w.repo.dir, "ansible.cfg"), "utf8")).not.toContain(token);
  expect(await (await openSecretStore({ env: w.env, backend: "file" })).get("hub")).toBe(token);
  expect(fixed.stdout + fixed.stderr).not.toContain(token);
}

describe.skipIf(!git.available)("the --fix command the advice names works where the checker ran", () => {
  it("through the installed git hook, not on PATH: this node and script, which a shell runs as printed", async () => {
    const w = await world(pathWithoutChecker());
    expect(w.sh(`${shellQuote(process.execPath)} ${shellQuote(BIN)} install`).status).toBe(0);
    const commit = w.sh("git commit -q -m leak");
    expect(commit.status).not.toBe(0);
    const command = advisedFix(commit.stdout + commit.stderr);
    expect(command).toBe(`${shellQuote(process.execPath)} ${shellQuote(BIN)} --fix`);
    // The bare name would not run here.
    expect(w.sh("hub-token-check --fix").status).toBe(127);
    await expectItFixes(w, command);
  });

  it("through the installed git hook, installed on PATH: the bare command", async () => {
    const root = tempDir("hub-token-check-advice-bin-");
    const w = await world([installedCheckerDir(root), pathWithoutChecker()].join(delimiter));
    expect(w.sh("hub-token-check install").status).toBe(0);
    const commit = w.sh("git commit -q -m leak");
    expect(commit.status).not.toBe(0);
    const command = advisedFix(commit.stdout + commit.stderr);
    expect(command).toBe("hub-token-check --fix");
    await expectItFixes(w, command);
  });

  it.skipIf(!npx.available)(
    "through npx (husky's `npx --no-install hub-token-check`): npx, though npm put the command on PATH",
    async () => {
      const w = await world(pathWithoutChecker());
      // The package in the project's node_modules, as `npm install --save-dev hub-token-check` puts it.
      const pkg = join(w.repo.dir, "node_modules/hub-token-check");
      mkdirSync(join(w.repo.dir, "node_modules/.bin"), { recursive: true });
      symlinkSync(dirname(dirname(BIN)), pkg);
      symlinkSync(
        "../hub-token-check/bin/hub-token-check.cjs",
        join(w.repo.dir, "node_modules/.bin/hub-token-check"),
      );
      const checked = w.sh("npx --no-install hub-token-check");
      expect(checked.status, checked.stderr).toBe(EXIT.FINDINGS);
      const command = advisedFix(checked.stdout);
      expect(command).toBe("npx hub-token-check --fix");
      expect(w.sh("hub-token-check --fix").status).toBe(127);
      await expectItFixes(w, command);
    },
  );
});
