import { chmod, readFile, rename, stat, writeFile, mkdir } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { HubSetupError } from "@hub-setup/core";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { GitRunner } from "../source/run-git.js";
import { CHAINED_NAME, HOOK_MARKER, hookScript } from "./hook-script.js";

export type InstallDeps = { io: Io; git: GitRunner; self: readonly string[] };

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Where git runs hooks from: .git/hooks, or core.hooksPath when set (git resolves both for us). */
async function hooksDir(git: GitRunner, cwd: string): Promise<string> {
  let out: string;
  try {
    out = (await git(["rev-parse", "--git-path", "hooks"])).toString("utf8").trim();
  } catch (error) {
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

/**
 * Writes the pre-commit hook. An existing hook of someone else's is kept (renamed beside it) and run
 * first; running install again only refreshes ours. The write is atomic (temp file, then rename).
 */
export async function installHook(deps: InstallDeps): Promise<ExitCode> {
  const { io } = deps;
  const dir = await hooksDir(deps.git, io.cwd);
  if (/(?:^|[/\\])\.husky(?:[/\\]_)?[/\\]?$/.test(dir)) {
    io.stderr(`hub-token-check: ${HUSKY_HELP}`);
    return EXIT.ERROR;
  }
  await mkdir(dir, { recursive: true });
  const hook = join(dir, "pre-commit");
  const chained = join(dir, CHAINED_NAME);
  const current = await readIfExists(hook);
  let kept = false;
  if (current !== undefined && !current.includes(HOOK_MARKER)) {
    if (await exists(chained)) {
      throw new HubSetupError("USAGE", `both ${hook} and ${chained} exist, and the first is not ours`, {
        hint: `merge the two into ${chained} by hand (it runs first), delete ${hook}, then install again`,
      });
    }
    await rename(hook, chained);
    await chmod(chained, 0o755);
    kept = true;
  }
  const temp = `${hook}.hub-token-check-${Date.now()}`;
  await writeFile(temp, hookScript(deps.self), { mode: 0o755 });
  await rename(temp, hook);
  io.stdout(
    `hub-token-check: ${current?.includes(HOOK_MARKER) === true ? "updated" : "installed"} ${hook}\n` +
      (kept ? `  your previous hook is kept as ${chained} and runs first\n` : "") +
      (current?.includes("lefthook") === true
        ? "  lefthook wrote the previous hook: better add hub-token-check to lefthook.yml (see the README)\n"
        : ""),
  );
  return EXIT.CLEAN;
}
