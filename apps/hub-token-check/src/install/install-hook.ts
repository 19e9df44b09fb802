import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { HubSetupError } from "@hub-setup/core";
import { commandOnPath } from "../advice/on-path.js";
import { preCommitEntry } from "../advice/run-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { GitCannotRunError, type GitRunner } from "../source/run-git.js";
import { CHAINED_NAME, HOOK_MARKER, hookScript } from "./hook-script.js";
import { adviseFramework, preCommitFramework } from "./pre-commit-framework.js";

/** The file operations install makes on the hooks folder (tests make one of them fail). */
export type HookFs = {
  /** Creates `path` (it must not exist) holding `text`, mode 0755 whatever the umask. */
  writeHook: (path: string, text: string) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
};

export type InstallDeps = { io: Io; git: GitRunner; self: readonly string[]; fs?: Partial<HookFs> };

const realFs: HookFs = {
  writeHook: async (path, text) => {
    const handle = await open(path, "wx", 0o755);
    try {
      await handle.chmod(0o755);
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename,
  unlink,
};

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Where git runs hooks from: .git/hooks, or core.hooksPath when set (git resolves both for us). */
async function hooksDir(git: GitRunner, cwd: string): Promise<string> {
  let out: string;
  try {
    out = (await git(["rev-parse", "--git-path", "hooks"])).toString("utf8").trim();
  } catch (error) {
    if (error instanceof GitCannotRunError) throw error;
    throw new HubSetupError("USAGE", "not inside a git repository", {
      hint: "run `hub-token-check install` in the repository the hook is for",
      cause: error,
    });
  }
  return isAbsolute(out) ? out : join(cwd, out);
}

const HUSKY_HELP = `husky manages this repository's hooks (core.hooksPath is its folder). Add this line to .husky/pre-commit instead:
  npx --no-install hub-token-check
`;

function notWritten(hook: string, error: unknown): HubSetupError {
  const reason = error instanceof Error ? error.message : String(error);
  return new HubSetupError(
    "CONFIG_NOT_WRITABLE",
    `cannot write the hook ${hook}: ${reason}; nothing was changed (a hook that was there still is)`,
    {
      hint: "free some space or fix the folder's permissions, then run `hub-token-check install` again",
      cause: error,
    },
  );
}

/**
 * Puts our hook in place: written whole to a temp file in the hooks folder first; only then is the
 * user's hook (when `keep`) moved aside, with its mode untouched, and ours renamed in. If a step fails,
 * the user's hook is moved back and the temp file removed, so a hook that was there still is.
 */
async function putInPlace(
  fs: HookFs,
  dir: string,
  script: string,
  keep: boolean,
  pid: number,
): Promise<void> {
  const hook = join(dir, "pre-commit");
  const chained = join(dir, CHAINED_NAME);
  const temp = join(dir, `.pre-commit.hub-token-check-${pid}-${randomBytes(4).toString("hex")}.tmp`);
  let movedAside = false;
  try {
    await fs.writeHook(temp, script);
    if (keep) {
      await fs.rename(hook, chained);
      movedAside = true;
    }
    await fs.rename(temp, hook);
  } catch (error) {
    if (movedAside) await fs.rename(chained, hook).catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw notWritten(hook, error);
  }
}

/**
 * Writes the pre-commit hook; where the pre-commit framework runs the hooks, prints its config snippet
 * instead (see pre-commit-framework.ts). An existing hook of someone else's is kept (renamed beside it, mode as it
 * was) and run first; running install again only refreshes ours.
 */
export async function installHook(deps: InstallDeps): Promise<ExitCode> {
  const { io } = deps;
  const fs: HookFs = { ...realFs, ...deps.fs };
  const dir = await hooksDir(deps.git, io.cwd);
  if (/(?:^|[/\\])\.husky(?:[/\\]_)?[/\\]?$/.test(dir)) {
    io.stderr(`hub-token-check: ${HUSKY_HELP}`);
    return EXIT.ERROR;
  }
  const hook = join(dir, "pre-commit");
  const chained = join(dir, CHAINED_NAME);
  const current = await readIfExists(hook);
  const framework = await preCommitFramework(deps.git, current);
  if (framework !== undefined) {
    const ctx = { env: io.env, self: deps.self, onPath: commandOnPath("hub-token-check", io.env) };
    return adviseFramework(io, framework.config, preCommitEntry(ctx));
  }
  await mkdir(dir, { recursive: true });
  const keep = current !== undefined && !current.includes(HOOK_MARKER);
  if (keep && (await stat(chained).catch(() => undefined)) !== undefined) {
    throw new HubSetupError("USAGE", `both ${hook} and ${chained} exist, and the first is not ours`, {
      hint: `merge the two into ${chained} by hand (it runs first), delete ${hook}, then install again`,
    });
  }
  const runnable = keep && ((await stat(hook)).mode & 0o111) !== 0;
  await putInPlace(fs, dir, hookScript(deps.self), keep, io.pid);
  io.stdout(
    `hub-token-check: ${current?.includes(HOOK_MARKER) === true ? "updated" : "installed"} ${hook}\n` +
      (keep && runnable ? `  your previous hook is kept as ${chained} and runs first\n` : "") +
      (keep && !runnable
        ? `  your previous hook is kept as ${chained}; it is not executable, so git did not run it and it will not run now (chmod +x it to run it first)\n`
        : "") +
      (current?.includes("lefthook") === true
        ? "  lefthook wrote the previous hook: better add hub-token-check to lefthook.yml (see the README)\n"
        : ""),
  );
  return EXIT.CLEAN;
}
