import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** The installed command (it loads the bundle, dist/hub-setup.mjs, that `npm run build` makes). */
export const BIN = fileURLToPath(new URL("../../bin/hub-setup.mjs", import.meta.url));
const BUNDLE = fileURLToPath(new URL("../../dist/hub-setup.mjs", import.meta.url));

export function expectBuilt(): void {
  expect(existsSync(BUNDLE), `${BUNDLE} is missing: run \`npx turbo run build --filter=hub-setup\``).toBe(
    true,
  );
}

export type Finished = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * Runs the built hub-setup asynchronously (a test's in-process sandbox must keep answering meanwhile),
 * with a deadline after which the child is killed and the test fails rather than hangs.
 */
export function runBin(
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
