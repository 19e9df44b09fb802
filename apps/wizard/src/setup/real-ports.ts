import { spawn } from "node:child_process";
import { constants } from "node:fs";
import { access, chmod, readFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { tokenFingerprint, verifyHub } from "@hub-setup/core";
import {
  type FileSnapshot,
  createHttp,
  nodeClock,
  findAnsibleConfig,
  openSecretStore,
  readConfigFile,
  writeFileAtomic,
} from "@hub-setup/core/node";
import type { AppContext } from "../context.js";
import { homeDir, openRefreshState } from "../services.js";
import type { SetupPorts, StoreBackend, TokenStore } from "./ports.js";

type Env = Readonly<Record<string, string | undefined>>;

/** Runs a program without a shell and collects stdout; undefined when it cannot be started or takes too long. */
export function capture(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Env; timeoutMs?: number },
): Promise<{ code: number; stdout: string } | undefined> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: { ...options.env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let stdout = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 15_000);
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.once("error", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve(code == null ? undefined : { code, stdout });
    });
  });
}

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

async function openStore(env: Env, backend: StoreBackend): Promise<TokenStore> {
  const store = await openSecretStore({ env, backend });
  return {
    backend: store.backend,
    location: store.location,
    get: (id) => store.get(id),
    set: (id, token) => store.set(id, token),
    delete: async (id) => {
      await store.delete(id);
    },
  };
}

/** The wizard's ports over @hub-setup/core/node, for the environment and folder in `ctx.io`. */
export function realSetupPorts(ctx: AppContext, overrides: { env?: Env; cwd?: string } = {}): SetupPorts {
  const env = overrides.env ?? ctx.io.env;
  const cwd = overrides.cwd ?? ctx.io.cwd;
  const home = homeDir(env);
  return {
    env,
    cwd,
    home,
    discoverConfig: async () => {
      const found = findAnsibleConfig({ env, cwd, home });
      const warnings = found.error === undefined ? found.warnings : [...found.warnings, found.error];
      return { path: found.path, candidates: found.candidates, warnings };
    },
    readConfig: async (path) => {
      const file = await readConfigFile(path);
      return file === undefined ? undefined : { text: file.text, snapshot: file.snapshot };
    },
    writeConfig: async (path, text, expected, options = {}) => {
      const written = await writeFileAtomic(path, text, {
        expected: expected === undefined ? "absent" : (expected.snapshot as FileSnapshot),
        backup: true,
        // A file holding a token is readable by its owner only, like the credentials file.
        ...(options.holdsSecret === true ? { mode: 0o600 } : {}),
      });
      if (options.holdsSecret === true && written.backupPath !== undefined)
        await chmod(written.backupPath, 0o600);
      return written.backupPath === undefined ? {} : { backupPath: written.backupPath };
    },
    ansibleVersion: () => ansibleCoreVersion(env, cwd),
    probeStore: async (backend) => {
      try {
        const store = await openStore(env, backend);
        return { ok: true, location: store.location };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    openStore: (backend) => openStore(env, backend),
    recordRefresh: async (serverId, token, at) => {
      const state = await openRefreshState(env);
      await state.recordRefresh(serverId, tokenFingerprint(token), at);
    },
    verify: async (server, token, signal) => {
      const http = createHttp({ env: { ...env } });
      try {
        const result = await verifyHub({ server, token, http, signal, clock: nodeClock });
        if (result.ok) return { ok: true, detail: `API ${result.apiVersions.join(", ")}` };
        return result.expectedUrl === undefined
          ? { ok: false, message: result.message, error: result.error }
          : { ok: false, message: result.message, error: result.error, expectedUrl: result.expectedUrl };
      } finally {
        await http.close();
      }
    },
    readStdin: () => ctx.io.readStdin(),
    inGitRepo: async () =>
      (await capture("git", ["rev-parse", "--is-inside-work-tree"], { cwd, env }))?.stdout.trim() === "true",
    installSchedule: async () => {
      const { COMMANDS } = await import("../commands/index.js");
      const schedule = await COMMANDS["schedule"]!();
      return schedule.run([], { ...ctx, io: { ...ctx.io, env, cwd } });
    },
    installHook: async () => {
      const run = await capture("hub-token-check", ["install"], { cwd, env });
      return run?.code;
    },
  };
}
