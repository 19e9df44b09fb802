import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { tempDir } from "@hub-setup/test-utils";

export const BIN = fileURLToPath(new URL("../../bin/hub-setup.mjs", import.meta.url));
const DIST = fileURLToPath(new URL("../../dist/hub-setup.mjs", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** These tests drive the bundled CLI: `npx turbo run build --filter=hub-setup...` makes it. */
export function requireBuiltBin(): void {
  expect(
    existsSync(DIST),
    `${DIST} is missing: run \`npx turbo run build --filter=hub-setup...\` first`,
  ).toBe(true);
}

export type Sandboxed = { root: string; home: string; project: string; env: Record<string, string> };

/**
 * A throw-away HOME (XDG_CONFIG_HOME inside it) and project folder, and an environment that reaches
 * nothing of the real user: no keyring bus, no ANSIBLE_* or HUB_SETUP_* from outside, no proxy for 127.0.0.1.
 */
export function throwAwayWorld(extra: Record<string, string> = {}): Sandboxed {
  const root = tempDir("hub-setup-e2e-");
  const home = join(root, "home");
  const project = join(root, "project");
  mkdirSync(join(home, ".config"), { recursive: true, mode: 0o700 });
  mkdirSync(project, { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    LANG: "C.UTF-8",
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
    ...extra,
  };
  return { root, home, project, env };
}

/** Runs the built hub-setup to completion (no terminal). */
export function runBin(args: readonly string[], world: Sandboxed, input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: world.project,
    env: world.env,
    input: input ?? "",
    encoding: "utf8",
    timeout: 120_000,
  });
}
