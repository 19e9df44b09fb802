/**
 * The built hub-setup (bin/hub-setup.mjs loading dist/, made by `npx turbo run build --filter=hub-setup`):
 * where it is, a check that it was built, and two ways to run it without a terminal.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Sandboxed } from "./temp-world.js";

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

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * Runs the built hub-setup asynchronously (a test's in-process sandbox must keep answering meanwhile),
 * with a deadline after which the child is killed and the test fails rather than hangs.
 */
export function startBin(
  args: string[],
  options: { env: Record<string, string>; cwd: string; deadlineMs?: number },
): { child: ChildProcess; done: Promise<Finished> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: options.env,
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<Finished>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`hub-setup ${args.join(" ")} did not finish in time\n${stdout}\n${stderr}`));
    }, options.deadlineMs ?? 60_000);
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
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
