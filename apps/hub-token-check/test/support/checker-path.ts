import { mkdirSync, symlinkSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { commandOnPath } from "../../src/advice/on-path.js";

/** The built command, as the npm package installs it. */
export const BIN = fileURLToPath(new URL("../../bin/hub-token-check.cjs", import.meta.url));

/**
 * This process's PATH without any folder that holds a `hub-token-check` (npx/vitest put the workspace's
 * node_modules/.bin on it), with node's folder first: a machine where the checker is not installed.
 */
export function pathWithoutChecker(): string {
  const dirs = (process.env["PATH"] ?? "").split(delimiter);
  const kept = dirs.filter((dir) => dir !== "" && !commandOnPath("hub-token-check", { PATH: dir }));
  return [dirname(process.execPath), ...kept].join(delimiter);
}

/** A folder holding `hub-token-check` (a link to the built command): as if installed on PATH. */
export function installedCheckerDir(root: string): string {
  const dir = join(root, "installed-bin");
  mkdirSync(dir, { recursive: true });
  symlinkSync(BIN, join(dir, "hub-token-check"));
  return dir;
}
