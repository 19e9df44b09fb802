import { spawn } from "node:child_process";
import { verifyHub } from "@hub-setup/core";
import {
  createHttp,
  findAnsibleConfig,
  openSecretStore,
  readConfigFile,
  writeFileAtomic,
} from "@hub-setup/core/node";
import type { AppContext } from "../context.js";
import { homeDir } from "../services.js";
import type { ConfigFile, SetupPorts, StoreBackend, TokenStore } from "./ports.js";

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
      resolve(code === null ? undefined : { code, stdout });
    });
  });
}

/** "ansible-galaxy [core 2.14.18]" → "2.14.18". */
export function parseAnsibleVersion(text: string): string | undefined {
  return (
    /\[core ([0-9][^\]\s]*)\]/.exec(text)?.[1] ??
    /ansible(?:-galaxy)? ([0-9]+\.[0-9]+\.[0-9][^\s]*)/.exec(text)?.[1]
  );
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
      const found = await findAnsibleConfig({ env, cwd, home });
      return { path: found.path, candidates: found.candidates, warnings: found.warnings };
    },
    readConfig: async (path) => {
      const file = await readConfigFile(path);
      return file === undefined ? undefined : { text: file.text, snapshot: file.snapshot };
    },
    writeConfig: async (path: string, text: string, expected: ConfigFile | undefined) => {
      const written = await writeFileAtomic(path, text, { expected: expected?.snapshot, backup: true });
      return written.backupPath === undefined ? {} : { backupPath: written.backupPath };
    },
    ansibleVersion: async () => {
      const run = await capture("ansible-galaxy", ["--version"], { cwd, env });
      return run?.code === 0 ? parseAnsibleVersion(run.stdout) : undefined;
    },
    probeStore: async (backend) => {
      try {
        const store = await openStore(env, backend);
        return { ok: true, location: store.location };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    openStore: (backend) => openStore(env, backend),
    verify: async (server, token, signal) => {
      const http = createHttp({ env: { ...env } });
      try {
        const result = await verifyHub({ server, token, http, signal });
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
