/**
 * What the CI tests share: a GitHub runner's step environment (the files it reads after a step), the
 * parser of its `NAME<<DELIMITER` file commands, a process run that keeps the in-process sandbox
 * answering, and the real ansible-galaxy with no ansible.cfg at all.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { showsSecret } from "@hub-setup/test-utils";
import { expect } from "vitest";
import { throwAwayWorld } from "./temp-world.js";

/** The committed action bundle (action.yml's `main`). */
export const ACTION_BUNDLE = fileURLToPath(new URL("../../action/dist/index.cjs", import.meta.url));

export type Ran = { code: number | null; stdout: string; stderr: string };

/** Runs a command to its end without blocking this process (the sandbox lives here). */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; timeoutMs?: number },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env,
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 90_000);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A job's world: a clean HOME, a work folder, and ANSIBLE_CONFIG pointing at an empty file. */
export function ciWorld() {
  const w = throwAwayWorld();
  const emptyCfg = join(w.root, "empty.cfg");
  writeFileSync(emptyCfg, "");
  const runner = join(w.root, "runner");
  mkdirSync(runner);
  const githubEnv = join(runner, "env");
  const githubOutput = join(runner, "output");
  writeFileSync(githubEnv, "");
  writeFileSync(githubOutput, "");
  return { ...w, emptyCfg, githubEnv, githubOutput };
}

/** The entries of a $GITHUB_ENV / $GITHUB_OUTPUT file; fails on anything but `NAME<<DELIM` blocks. */
export function parseFileCommands(text: string): Record<string, string> {
  const lines = text.split("\n");
  const vars: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    const m = /^([^<=]+)<<(ghadelimiter_[0-9a-f-]{36})$/.exec(line);
    expect(
      m,
      `line ${i + 1} of a file command is not NAME<<ghadelimiter_<uuid>: ${line.slice(0, 40)}`,
    ).not.toBeNull();
    const [, name = "", delimiter = ""] = m ?? [];
    const end = lines.indexOf(delimiter, i + 1);
    expect(end, `no closing delimiter for ${name}`).toBeGreaterThan(i);
    vars[name] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return vars;
}

/**
 * The runner's rule for stdout: every secret is registered by `::add-mask::` before any other line, and
 * no other line holds any 12-character piece of one.
 */
export function expectMaskedFirst(stdout: string, secrets: readonly string[]): void {
  const lines = stdout.split("\n");
  const masks = lines.findIndex((l) => !l.startsWith("::add-mask::"));
  const maskLines = lines.slice(0, masks === -1 ? lines.length : masks);
  for (const secret of secrets) expect(maskLines).toContain(`::add-mask::${secret}`);
  const rest = lines.slice(maskLines.length).join("\n");
  for (const secret of secrets)
    expect(showsSecret(rest, secret), "a token outside the mask lines").toBe(false);
}

/** No 12-character piece of any secret anywhere in `text`. */
export function expectNoSecret(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(showsSecret(text, secret), "a token in the output").toBe(false);
}

/**
 * The real `ansible-galaxy collection install` from one server, configured only by `vars` (no
 * ansible.cfg: ANSIBLE_CONFIG names an empty file, HOME is clean).
 */
export async function galaxyInstall(
  world: ReturnType<typeof ciWorld>,
  vars: Record<string, string>,
  server: string,
  into: string,
): Promise<Ran> {
  const env = {
    ...world.env,
    ...vars,
    ANSIBLE_CONFIG: world.emptyCfg,
    ANSIBLE_GALAXY_CACHE_DIR: join(world.root, "galaxy-cache"),
  };
  return runProcess(
    "ansible-galaxy",
    ["collection", "install", "sandbox.demo", "-s", server, "-p", into, "--force"],
    { env, cwd: world.project },
  );
}

export function installed(into: string): boolean {
  return existsSync(join(into, "ansible_collections", "sandbox", "demo", "MANIFEST.json"));
}

export function readText(path: string): string {
  return readFileSync(path, "utf8");
}
