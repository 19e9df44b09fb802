/**
 * Throw-away worlds: a HOME (XDG_CONFIG_HOME inside it) and a project folder under a temp folder, and an
 * environment that reaches nothing of the real user. `world()` adds what in-process command runs need:
 * the project's ansible.cfg, tokens in the real file store, and an AppContext whose io records output.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSecretStore } from "@hub-setup/core/node";
import { tempDir } from "@hub-setup/test-utils";
import type { AppContext } from "../../src/context.js";
import { memoryIo } from "./io.js";

export type Sandboxed = { root: string; home: string; project: string; env: Record<string, string> };

/**
 * A throw-away HOME (XDG_CONFIG_HOME inside it) and project folder, and an environment that reaches
 * nothing of the real user: no keyring bus, no ANSIBLE_* or HUB_SETUP_* from outside, no proxy for 127.0.0.1.
 */
export function throwAwayWorld(extra: Record<string, string> = {}): Sandboxed {
  const root = tempDir("hub-setup-e2e-");
  const home = join(root, "home");
  const project = join(root, "project");
  mkdirSync(join(home, ".config"), { recursive: true, mode: 0o700 });
  mkdirSync(project, { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    LANG: "C.UTF-8",
    NO_PROXY: "127.0.0.1,localhost",
    no_proxy: "127.0.0.1,localhost",
    ...extra,
  };
  return { root, home, project, env };
}

export type World = {
  root: string;
  home: string;
  project: string;
  env: Record<string, string>;
  /** Writes the project's ansible.cfg. */
  writeConfig: (text: string) => string;
  /** Puts a token in the real file store, as the wizard would. */
  storeToken: (id: string, token: string) => Promise<void>;
  /** A context for one command run; `now` defaults to the real clock. */
  ctx: (opts?: { now?: () => Date; signal?: AbortSignal; env?: Record<string, string> }) => AppContext & {
    io: ReturnType<typeof memoryIo>;
  };
};

export function world(extraEnv: Record<string, string> = {}): World {
  const { root, home, project, env } = throwAwayWorld(extraEnv);
  // Not world-writable whatever the umask: Ansible would ignore an ansible.cfg there.
  chmodSync(project, 0o755);
  return {
    root,
    home,
    project,
    env,
    writeConfig: (text) => {
      const path = join(project, "ansible.cfg");
      writeFileSync(path, text, { mode: 0o644 });
      return path;
    },
    storeToken: async (id, token) => {
      const store = await openSecretStore({ env, backend: "file" });
      await store.set(id, token);
    },
    ctx: (opts = {}) => ({
      io: memoryIo({ env: { ...env, ...opts.env }, cwd: project }),
      version: "0.0.0-test",
      signal: opts.signal ?? new AbortController().signal,
      now: opts.now ?? (() => new Date()),
    }),
  };
}

/** An ansible.cfg listing the given servers, in Ansible's own syntax. */
export function ansibleCfg(
  servers: Array<{ id: string; url: string; authUrl?: string; token?: string }>,
): string {
  const lines = ["[galaxy]", `server_list = ${servers.map((s) => s.id).join(", ")}`, ""];
  for (const s of servers) {
    lines.push(`[galaxy_server.${s.id}]`, `url = ${s.url}`);
    if (s.authUrl !== undefined) lines.push(`auth_url = ${s.authUrl}`);
    if (s.token !== undefined) lines.push(`token = ${s.token}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** Where ansible-galaxy installs collections for this world's HOME (its default path). */
export function installedCollection(world: Sandboxed, name: string): string {
  const [namespace = "", collection = ""] = name.split(".");
  return join(
    world.home,
    ".ansible",
    "collections",
    "ansible_collections",
    namespace,
    collection,
    "MANIFEST.json",
  );
}
