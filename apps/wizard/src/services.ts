/**
 * The real ports behind the commands, built from @hub-setup/core/node and Node's built-ins. Shared by
 * the wizard (setup) and the subcommands. Everything takes the environment and folder from the caller
 * (ctx.io), never from `process`, so tests can point it at temp folders. Heavy modules (undici, the
 * store) are imported only when a function that needs them is called, so `--help` stays fast.
 */
import { spawn } from "node:child_process";
import {
  HubSetupError,
  parseAnsibleConfig,
  readGalaxyServers,
  refreshOfflineToken,
  verifyHub,
  type AnsibleConfig,
  type ResolvedGalaxyServer,
  type Sleep,
  type Sourced as CoreSourced,
} from "@hub-setup/core";
import { mkdir, readFile, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname } from "node:path";
import { realpathSync } from "node:fs";
import type { ChildExit, RunningChild, SpawnPort } from "./subcommands/exec-run.js";
import type { CommandRunner, ScheduleFiles } from "./subcommands/schedule-ports.js";
import type {
  ConfiguredServer,
  HubChecks,
  LoadedConfig,
  RefreshResult,
  RefreshState,
  Sourced,
  TokenStore,
} from "./subcommands/ports.js";
import type { SelfCommand } from "./subcommands/schedule-units.js";
import { childStarted } from "./signals.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** The home folder: $HOME when set (tests set it), else the OS's idea of it. */
export function homeDir(env: Env): string {
  const home = env["HOME"];
  return home !== undefined && home !== "" ? home : homedir();
}

/** Whether our stdout is a terminal (`env` warns that the tokens land on screen). */
export function stdoutIsTerminal(): boolean {
  return process.stdout.isTTY;
}

/**
 * The absolute command that runs this hub-setup: node's own path and the script node was started
 * with, symlinks resolved (node_modules/.bin/hub-setup → …/bin/hub-setup.mjs). Used by `schedule`.
 */
export function selfCommand(): SelfCommand {
  const script = process.argv[1] ?? "";
  let resolved = script;
  try {
    resolved = realpathSync(script);
  } catch {
    // Not a file (e.g. `node -e`): keep what we were given.
  }
  return { node: process.execPath, script: resolved };
}

/**
 * Starts a child with inherited stdio (exec). A spawn failure (ENOENT, EACCES) resolves, never throws.
 * While it runs, a second SIGINT/SIGTERM is left to it (signals.ts) instead of ending hub-setup.
 */
export const spawnChild: SpawnPort = (command, args, options) => {
  const ended = childStarted();
  const child = spawn(command, [...args], { env: options.env, cwd: options.cwd, stdio: "inherit" });
  const exited = new Promise<ChildExit>((resolve) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      ended();
      resolve({ kind: "error", errno: error.code ?? "UNKNOWN", message: error.message });
    });
    child.once("exit", (code, signal) => {
      ended();
      resolve({ kind: "exit", code, signal });
    });
  });
  const running: RunningChild = {
    exited,
    kill: (signal) => {
      if (child.exitCode == null && child.signalCode == null) child.kill(signal);
    },
  };
  return running;
};

/** Runs a command without a shell and collects its output (systemctl, crontab). Not found → 127. */
export const runCommand: CommandRunner = (command, args, input) =>
  new Promise((resolve) => {
    const child = spawn(command, [...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", (error: NodeJS.ErrnoException) =>
      resolve({ code: error.code === "ENOENT" ? 127 : 126, stdout, stderr: error.message }),
    );
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(input ?? "");
  });

/** The files `schedule` reads and writes (its own unit files only). */
export const scheduleFiles: ScheduleFiles = {
  read: async (path) => {
    try {
      return await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  },
  writeAtomic: async (path, text) => {
    // core's atomic write: temp file in the same folder, fsync, rename, under a lock.
    await mkdir(dirname(path), { recursive: true });
    const { writeFileAtomic } = await import("@hub-setup/core/node");
    await writeFileAtomic(path, text, { backup: false });
  },
  remove: (path) => rm(path, { force: true }),
};

/** The secret store, reduced to what the subcommands read. `auto` keeps tokens where they already are. */
export async function openTokenStore(
  env: Env,
  backend: "auto" | "keyring" | "file" = "auto",
): Promise<TokenStore> {
  const { openSecretStore } = await import("@hub-setup/core/node");
  const store = await openSecretStore({ env: { ...env }, backend });
  return {
    backend: store.backend,
    location: store.location,
    get: (id) => store.get(id),
    list: () => store.list(),
  };
}

/** When each offline token was last refreshed (the state file beside the store). */
export async function openRefreshState(env: Env): Promise<RefreshState> {
  const { openStateFile } = await import("@hub-setup/core/node");
  const state = openStateFile({ env: { ...env } });
  return {
    lastRefresh: (id, fingerprint) => state.lastRefresh(id, fingerprint),
    recordRefresh: (id, fingerprint, at) => state.recordRefresh(id, fingerprint, at),
  };
}

/** Retry pacing for the SSO and hub requests (tests shorten the backoff, or record it without waiting). */
export type NetworkPacing = {
  retry?: { retries?: number; baseMs?: number; maxMs?: number };
  deadlineMs?: number;
  /** The wait between attempts; core's timer by default. */
  sleep?: Sleep;
  /** The jitter source, [0, 1); Math.random by default. */
  random?: () => number;
};

/**
 * The live hub check and the SSO refresh over undici. One HTTP client (one connection pool) for servers
 * that verify certificates and, only if a server says validate_certs = false, one that does not.
 */
export async function openHubChecks(env: Env, pacing: NetworkPacing = {}): Promise<HubChecks> {
  const { createHttp, nodeClock } = await import("@hub-setup/core/node");
  const clients = new Map<boolean, ReturnType<typeof createHttp>>();
  const client = (validateCerts: boolean) => {
    let http = clients.get(validateCerts);
    if (http === undefined) {
      http = createHttp({ env: { ...env }, validateCerts });
      clients.set(validateCerts, http);
    }
    return http;
  };
  const pace = (signal: AbortSignal) => ({
    signal,
    clock: nodeClock,
    ...(pacing.retry === undefined ? {} : { retry: pacing.retry }),
    ...(pacing.deadlineMs === undefined ? {} : { deadlineMs: pacing.deadlineMs }),
    ...(pacing.sleep === undefined ? {} : { sleep: pacing.sleep }),
    ...(pacing.random === undefined ? {} : { random: pacing.random }),
  });
  return {
    verify: async (target, token, signal) => {
      const server = {
        kind: target.kind === "cloud" ? ("cloud" as const) : ("private" as const),
        url: target.url,
        ...(target.authUrl === undefined ? {} : { authUrl: target.authUrl }),
        ...(target.clientId === undefined ? {} : { clientId: target.clientId }),
      };
      const http = client(target.validateCerts !== false);
      const result = await verifyHub({ server, token, http, ...pace(signal) });
      if (result.ok) return { ok: true };
      return result.expectedUrl === undefined
        ? { ok: false, outcome: result.outcome, message: result.message }
        : { ok: false, outcome: result.outcome, message: result.message, expectedUrl: result.expectedUrl };
    },
    refresh: async (request, signal): Promise<RefreshResult> => {
      const result = await refreshOfflineToken({ ...request, http: client(true), ...pace(signal) });
      return result.ok
        ? { ok: true, expiresIn: result.expiresIn, attempts: result.attempts }
        : { ok: false, outcome: result.outcome, message: result.message, attempts: result.attempts };
    },
    close: async () => {
      await Promise.all([...clients.values()].map((c) => c.close()));
      clients.clear();
    },
  };
}

/** Core's galaxy warnings that status reports per server itself (kept out of the global list). */
const PER_SERVER_WARNINGS = new Set(["SERVER_ID_PROBLEM", "LISTED_WITHOUT_SECTION"]);

function whyChosen(candidates: ReadonlyArray<{ chosen: boolean; reason: string }>): string {
  const chosen = candidates.find((c) => c.chosen);
  if (chosen !== undefined) return chosen.reason;
  return "Ansible reads no ansible.cfg here and uses its defaults";
}

/**
 * The ansible.cfg Ansible will read from `cwd` with `env` (discovery, read, parse), and the galaxy
 * servers it resolves, environment overrides included. A file Ansible would refuse is a CONFIG_PARSE
 * error naming the file.
 */
export async function loadAnsibleConfig(options: { env: Env; cwd: string }): Promise<LoadedConfig> {
  const { findAnsibleConfig, readConfigFile } = await import("@hub-setup/core/node");
  const env = options.env;
  const found = findAnsibleConfig({ env, cwd: options.cwd, home: homeDir(env) });
  if (found.path !== undefined && found.error !== undefined) {
    throw new HubSetupError("CONFIG_PARSE", `${found.path}: Ansible refuses it: ${found.error}`, {
      hint: "name the file *.cfg (or *.ini), or point ANSIBLE_CONFIG at one",
    });
  }
  let config: AnsibleConfig | undefined;
  if (found.path !== undefined) {
    const file = await readConfigFile(found.path);
    if (file !== undefined) {
      const parsed = parseAnsibleConfig(file.text);
      if (!parsed.ok) {
        throw new HubSetupError("CONFIG_PARSE", `${found.path}: ${parsed.error.message}`, {
          hint: parsed.error.hint ?? "Ansible refuses this file too: fix it, then run hub-setup again",
          cause: parsed.error,
        });
      }
      config = parsed.config;
    }
  }
  const view = readGalaxyServers(config, env);
  const listed = new Set(view.serverList.ids);
  return {
    path: found.path,
    reason: whyChosen(found.candidates),
    candidates: found.candidates,
    warnings: found.warnings,
    serverListSource: view.serverList.ids.length > 0 ? view.serverList.source : undefined,
    servers: view.servers.map(configuredServer),
    problems: view.problems
      .filter((p) => !PER_SERVER_WARNINGS.has(p.code))
      .filter((p) => !(p.code === "SECTION_WITHOUT_URL" && p.id !== undefined && listed.has(p.id)))
      .map((p) => p.message),
  };
}

function sourced(value: CoreSourced | undefined): Sourced<string> | undefined {
  if (value === undefined) return undefined;
  return value.line === undefined
    ? { value: value.value, source: value.source }
    : { value: value.value, source: value.source, line: value.line };
}

function configuredServer(server: ResolvedGalaxyServer): ConfiguredServer {
  const out: ConfiguredServer = { id: server.id, sectionExists: server.sectionExists };
  const keys = ["url", "token", "authUrl", "clientId", "username", "password"] as const;
  for (const key of keys) {
    const value = sourced(server[key]);
    if (value !== undefined) out[key] = value;
  }
  if (server.validateCerts !== undefined) {
    out.validateCerts = { value: server.validateCerts.enabled, source: server.validateCerts.source };
  }
  if (server.idProblem !== undefined) {
    out.idProblem = `${server.idProblem.reason}; use an id like "${server.idProblem.suggestion}"`;
  }
  return out;
}

/** The ports status, refresh, exec and env share, for the environment and folder of `io`. */
export function subcommandPorts(io: { env: Env; cwd: string }, pacing: NetworkPacing = {}) {
  return {
    loadConfig: () => loadAnsibleConfig(io),
    openStore: () => openTokenStore(io.env),
    openState: () => openRefreshState(io.env),
    openChecks: () => openHubChecks(io.env, pacing),
  };
}
