import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { commandOnPath } from "./on-path.js";
import { fixCommand, preCommitEntry, type RunContext } from "./run-context.js";

const self = ["/opt/node 20/bin/node", "/home/u/tools/hub-token-check/bin/hub-token-check.cjs"];
const ctx = (over: Partial<RunContext>): RunContext => ({ env: {}, self, onPath: false, ...over });

describe("the --fix command the advice names (issue #13 item 7)", () => {
  it("is npx when npm started this run, even though npm put the command on PATH", () => {
    expect(fixCommand(ctx({ env: { npm_command: "exec" }, onPath: true }))).toBe("npx hub-token-check --fix");
    expect(fixCommand(ctx({ env: { npm_command: "run-script" } }))).toBe("npx hub-token-check --fix");
  });

  it("is the command on PATH when it is installed, under the pre-commit framework too", () => {
    expect(fixCommand(ctx({ onPath: true }))).toBe("hub-token-check --fix");
    expect(fixCommand(ctx({ onPath: true, env: { PRE_COMMIT: "1" } }))).toBe("hub-token-check --fix");
  });

  it("is the npm package under the pre-commit framework, whose copy has no --fix", () => {
    expect(fixCommand(ctx({ env: { PRE_COMMIT: "1" } }))).toBe("npx hub-token-check --fix");
  });

  it("is this very node and script otherwise (a git hook that runs the checker by its path), quoted", () => {
    expect(fixCommand(ctx({}))).toBe(
      "'/opt/node 20/bin/node' /home/u/tools/hub-token-check/bin/hub-token-check.cjs --fix",
    );
    expect(fixCommand(ctx({ self: [] }))).toBe("npx hub-token-check --fix");
  });

  it("gives a pre-commit entry that is on PATH, or the project's copy through npx", () => {
    expect(preCommitEntry(ctx({ onPath: true }))).toBe("hub-token-check");
    expect(preCommitEntry(ctx({ onPath: true, env: { npm_command: "exec" } }))).toBe(
      "npx --no-install hub-token-check",
    );
    expect(preCommitEntry(ctx({}))).toBe("npx --no-install hub-token-check");
  });
});

describe("commandOnPath", () => {
  it("finds an executable file in an absolute PATH folder, not a plain file, a folder or a relative entry", () => {
    const root = tempDir();
    const [bin, plain, dir, rel] = ["bin", "plain", "dir", "rel"].map((d) => join(root, d));
    for (const d of [bin, plain, dir, rel]) mkdirSync(d ?? "", { recursive: true });
    writeFileSync(join(bin ?? "", "hub-token-check"), "#!/bin/sh\n");
    chmodSync(join(bin ?? "", "hub-token-check"), 0o755);
    writeFileSync(join(plain ?? "", "hub-token-check"), "not executable\n");
    mkdirSync(join(dir ?? "", "hub-token-check"));
    const env = (path: string) => ({ PATH: path });
    expect(commandOnPath("hub-token-check", env(`${plain}:${dir}:${bin}`))).toBe(true);
    expect(commandOnPath("hub-token-check", env(`${plain}:${dir}:/nonexistent`))).toBe(false);
    expect(commandOnPath("hub-token-check", env("bin"))).toBe(false);
    expect(commandOnPath("hub-token-check", {})).toBe(false);
  });
});
