import { HubSetupError } from "@hub-setup/core";
import type { SetupDeps, SetupPorts } from "../../src/commands/setup/deps.js";
import type {
  ConfigFile,
  HubTarget,
  StoreBackend,
  StoredEntry,
  TokenBinding,
  TokenWriter,
} from "../../src/ports.js";
import {
  recordingSpinner,
  scriptedPrompter,
  type Script,
  type ScriptedPrompter,
} from "../../src/prompter/scripted.js";
import { makeStyle } from "../../src/commands/setup/style.js";

/** A scripted live check: what the wizard reads of a CheckResult (the harness adds the outcome). */
export type Verifier = (
  server: HubTarget,
  token: string,
) =>
  { ok: true; detail?: string } | { ok: false; message: string; error: HubSetupError; expectedUrl?: string };

export type FakeWorldOptions = {
  files?: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  home?: string;
  verify?: Verifier;
  keyring?: boolean;
  stdin?: string;
  git?: boolean;
  /** How the repository already runs hub-token-check (default: not at all). */
  hookState?: "hook" | "framework" | "framework-without" | "none";
  /** The login shell ($SHELL) when shell-init knows it. */
  shell?: "bash" | "zsh" | "fish";
  /** Which schemes answer at a scheme-less address (default: both). */
  schemes?: { https: boolean; http: boolean };
  /** What the hub lists first (for "Try it"); undefined: it lists nothing. */
  sample?: string;
  /** Makes the ansible.cfg write fail (after the store was written). */
  failWrite?: boolean;
};

/** A world in memory: files (with .bak backups), a store per backend, a scripted hub check. */
export type FakeWorld = {
  files: Map<string, string>;
  stores: Record<StoreBackend, Map<string, string>>;
  /** Where each stored token was bound (the origins it was verified against). */
  bindings: Record<StoreBackend, Map<string, TokenBinding>>;
  verifyCalls: { server: HubTarget; token: string }[];
  scheduled: number;
  hooks: number;
  /** The shells `shell-init --install` ran for. */
  shellInits: string[];
  refreshed: { serverId: string; at: Date }[];
  ports: SetupPorts;
  /** Everything that could have been written, as one comparable value. */
  snapshot: () => string;
};

export const acceptAll: Verifier = () => ({ ok: true });

export function fakeWorld(options: FakeWorldOptions = {}): FakeWorld {
  const cwd = options.cwd ?? "/work/project";
  const home = options.home ?? "/home/me";
  const env: Record<string, string> = { HOME: home, ...options.env };
  const files = new Map(Object.entries(options.files ?? {}));
  const stores: Record<StoreBackend, Map<string, string>> = { keyring: new Map(), file: new Map() };
  const verifyCalls: FakeWorld["verifyCalls"] = [];
  const world: FakeWorld = {
    files,
    stores,
    bindings: { keyring: new Map(), file: new Map() },
    verifyCalls,
    scheduled: 0,
    hooks: 0,
    shellInits: [],
    refreshed: [],
    snapshot: () =>
      JSON.stringify({
        files: [...files.entries()].sort(),
        keyring: [...stores.keyring],
        file: [...stores.file],
      }),
    ports: {
      env,
      cwd,
      home,
      discoverConfig: async () => {
        const order = [env["ANSIBLE_CONFIG"], `${cwd}/ansible.cfg`, `${home}/.ansible.cfg`].filter(
          (p): p is string => p !== undefined,
        );
        const path = order.find((p) => files.has(p));
        return {
          path,
          candidates: order.map((p) => ({
            path: p,
            chosen: p === path,
            reason: files.has(p) ? "exists" : "not found",
          })),
          warnings: [],
        };
      },
      readConfig: async (path) => {
        const text = files.get(path);
        return text === undefined ? undefined : { text, snapshot: text };
      },
      writeConfig: async (path: string, text: string, expected: ConfigFile | undefined) => {
        if (options.failWrite === true)
          throw new HubSetupError("CONFIG_LOCKED", `${path} is locked by another run`);
        const current = files.get(path);
        if (current !== expected?.text)
          throw new HubSetupError("CONFIG_CHANGED_ON_DISK", `${path} changed on disk`);
        if (current !== undefined) files.set(`${path}.bak`, current);
        files.set(path, text);
        return current === undefined ? {} : { backupPath: `${path}.bak` };
      },
      ansibleVersion: async () => "2.14.18",
      probeStore: async (backend) =>
        backend === "keyring" && options.keyring !== true
          ? { ok: false, reason: "no Secret Service on D-Bus" }
          : {
              ok: true,
              location: backend === "file" ? `${home}/.config/hub-setup/credentials` : "hub-setup (keyring)",
            },
      openStore: async (backend) => {
        const map = stores[backend];
        const bindings = world.bindings[backend];
        const put = (id: string, entry: StoredEntry | undefined) => {
          if (entry === undefined) map.delete(id);
          else map.set(id, entry.token);
          if (entry?.binding === undefined) bindings.delete(id);
          else bindings.set(id, entry.binding);
        };
        const entry = (id: string): StoredEntry | undefined => {
          const token = map.get(id);
          const binding = bindings.get(id);
          return token === undefined ? undefined : binding === undefined ? { token } : { token, binding };
        };
        const store: TokenWriter = {
          backend,
          location: backend,
          get: async (id) => map.get(id),
          swap: async (id, token, binding) => {
            const previous = entry(id);
            put(id, binding === undefined ? { token } : { token, binding });
            return previous;
          },
          restore: async (id, wrote, previous) => {
            if (map.get(id) !== wrote) return false;
            put(id, previous);
            return true;
          },
          binding: async (id) => bindings.get(id),
          delete: async (id) => {
            put(id, undefined);
          },
        };
        return store;
      },
      recordRefresh: async (serverId, _token, at) => {
        world.refreshed.push({ serverId, at });
      },
      verify: async (server, token) => {
        verifyCalls.push({ server, token });
        const answer = (options.verify ?? acceptAll)(server, token);
        return answer.ok ? answer : { ...answer, outcome: "rejected" };
      },
      sampleCollection: async () => options.sample,
      probeSchemes: async () => options.schemes ?? { https: true, http: true },
      readStdin: async () => options.stdin ?? "",
      inGitRepo: async () => options.git ?? false,
      installSchedule: async () => {
        world.scheduled++;
        return 0;
      },
      installHook: async () => {
        world.hooks++;
        return 0;
      },
      loginShell: () => options.shell,
      hookState: async () => options.hookState ?? "none",
      installShellInit: async (shell) => {
        world.shellInits.push(shell);
        return 0;
      },
      tokenStored: async () => [],
    },
  };
  return world;
}

export type Harness = { deps: SetupDeps; prompter: ScriptedPrompter; output: () => string };

export function harness(world: FakeWorld, script: Script, defaults?: SetupDeps["defaults"]): Harness {
  const prompter = scriptedPrompter(script);
  const out: string[] = [];
  const deps: SetupDeps = {
    prompter,
    spinner: recordingSpinner(),
    ports: world.ports,
    style: makeStyle(false),
    print: (t) => out.push(t),
    signal: new AbortController().signal,
    now: () => new Date("2026-03-01T00:00:00Z"),
    ...(defaults === undefined ? {} : { defaults }),
  };
  return { deps, prompter, output: () => out.join("") };
}
