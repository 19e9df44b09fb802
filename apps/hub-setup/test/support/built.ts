import { spawn } from "node:child_process";
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

export type BinRun = { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * Runs the built hub-setup to completion without a terminal. Asynchronous on purpose: the sandbox the
 * tests start lives in this process and must keep answering while the child runs.
 */
export function runBin(
  args: readonly string[],
  world: Sandboxed,
  input?: string,
  timeoutMs = 90_000,
): Promise<BinRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: world.project,
      env: world.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", reject);
    child.once("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}

/** Where ansible-galaxy installs collections for this world's HOME (its default path). */
export function installedCollection(world: Sandboxed, name: string): string {
  const [namespace = "", collection = ""] = name.split(".");
  return join(
    world.home,
    ".ansible",
    "collections",
    "ansible_collections",
    namespace,
    collection,
    "MANIFEST.json",
  );
}
