import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import type { Env } from "../ports.js";
import { capture } from "./child.js";

/** The first executable `name` on PATH. */
async function which(name: string, env: Env): Promise<string | undefined> {
  for (const dir of (env["PATH"] ?? "").split(delimiter).filter((d) => d !== "")) {
    const path = join(dir, name);
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The ansible-core version behind `ansible-galaxy`, asked of the Python its shebang names. Running
 * `ansible-galaxy --version` itself would create ~/.ansible, and looking around must write nothing.
 */
export async function ansibleCoreVersion(env: Env, cwd: string): Promise<string | undefined> {
  const galaxy = await which("ansible-galaxy", env);
  if (galaxy === undefined) return undefined;
  const firstLine = (await readFile(galaxy, "utf8").catch(() => "")).split("\n", 1)[0] ?? "";
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(firstLine);
  if (shebang == null) return undefined;
  const [interpreter, arg] =
    shebang[1]!.endsWith("/env") && shebang[2] !== undefined
      ? [shebang[2], undefined]
      : [shebang[1]!, shebang[2]];
  const script = "from ansible.release import __version__; print(__version__)";
  const run = await capture(interpreter, [...(arg === undefined ? [] : [arg]), "-c", script], {
    cwd,
    env: { ...env, PYTHONDONTWRITEBYTECODE: "1" },
  });
  const version = run?.code === 0 ? run.stdout.trim() : "";
  return /^\d+\.\d+/.test(version) ? version : undefined;
}
