// npm as a user runs it, from tests: pack the public workspaces, install a tarball into a folder
// outside the repository, with no registry (--offline: only npm's cache answers).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@hub-setup/test-utils";

export type Workspace = { name: string; version: string; dir: string };
export type Packed = Workspace & { tarball: string; size: number; files: string[] };

type PackageJson = {
  name: string;
  version: string;
  private?: boolean;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
}

/** Every workspace that is not private, from the root's `workspaces` globs (all of the form `dir/*`). */
export function publicWorkspaces(): Workspace[] {
  const globs = readPackageJson(repoRoot).workspaces ?? [];
  const found: Workspace[] = [];
  for (const glob of globs) {
    const parent = join(repoRoot, glob.replace(/\/\*$/, ""));
    for (const entry of readdirSync(parent).sort()) {
      const dir = join(parent, entry);
      let pkg: PackageJson;
      try {
        pkg = readPackageJson(dir);
      } catch {
        continue;
      }
      if (pkg.private !== true) found.push({ name: pkg.name, version: pkg.version, dir });
    }
  }
  return found;
}

/**
 * The environment for npm and the installed commands: ours without the npm_* variables that
 * `npm test` sets for its children (npm_config_prefix and the like would steer the child npm).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    ...extra,
  };
}

export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = cleanEnv(),
): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** run(), failing with the command line and the end of its output when it does not exit 0. */
export function runOk(
  command: string,
  args: readonly string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
): SpawnSyncReturns<string> {
  const result = run(command, args, cwd, env);
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-20).join("\n");
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${String(result.status)}:\n${tail}`);
  }
  return result;
}

/** `npm pack` of one workspace into `dest`, with what npm reports of it. */
export function pack(workspace: Workspace, dest: string): Packed {
  const result = runOk("npm", ["pack", "--json", "--pack-destination", dest], workspace.dir);
  const [report] = JSON.parse(result.stdout) as {
    filename: string;
    size: number;
    files: { path: string }[];
  }[];
  if (report === undefined) throw new Error(`npm pack printed no report for ${workspace.name}`);
  return {
    ...workspace,
    tarball: join(dest, report.filename),
    size: report.size,
    files: report.files.map((f) => f.path),
  };
}

/** A folder under the OS temp dir (outside the repository), for a whole test file. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
