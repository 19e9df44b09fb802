/** ansible.cfg: where Ansible finds it, reading and parsing it, and the atomic write with a backup. */
import { chmod } from "node:fs/promises";
import {
  HubSetupError,
  parseAnsibleConfig,
  readGalaxyServers,
  type AnsibleConfig,
  type ResolvedGalaxyServer,
  type Sourced as CoreSourced,
} from "@hub-setup/core";
import type { FileSnapshot } from "@hub-setup/core/node";
import type { ConfigDiscovery, ConfigFile, ConfiguredServer, Env, LoadedConfig, Sourced } from "../ports.js";
import { homeDir } from "./home.js";

/** Where Ansible finds its ansible.cfg from `cwd` (a file it would refuse is a warning here). */
export async function discoverConfig(place: { env: Env; cwd: string }): Promise<ConfigDiscovery> {
  const { findAnsibleConfig } = await import("@hub-setup/core/node");
  const found = findAnsibleConfig({ env: place.env, cwd: place.cwd, home: homeDir(place.env) });
  const warnings = found.error === undefined ? found.warnings : [...found.warnings, found.error];
  return { path: found.path, candidates: found.candidates, warnings };
}

/** The file's text and snapshot; undefined when it does not exist. */
export async function readConfig(path: string): Promise<ConfigFile | undefined> {
  const { readConfigFile } = await import("@hub-setup/core/node");
  const file = await readConfigFile(path);
  return file === undefined ? undefined : { text: file.text, snapshot: file.snapshot };
}

/**
 * Atomic, with a backup of the old file; refuses when the file changed since `expected` was read.
 * `holdsSecret`: the file and its backup are made 0600, like the credentials file.
 */
export async function writeConfig(
  path: string,
  text: string,
  expected: ConfigFile | undefined,
  options: { holdsSecret?: boolean } = {},
): Promise<{ backupPath?: string }> {
  const { writeFileAtomic } = await import("@hub-setup/core/node");
  const written = await writeFileAtomic(path, text, {
    expected: expected === undefined ? "absent" : (expected.snapshot as FileSnapshot),
    backup: true,
    ...(options.holdsSecret === true ? { mode: 0o600 } : {}),
  });
  if (options.holdsSecret === true && written.backupPath !== undefined)
    await chmod(written.backupPath, 0o600);
  return written.backupPath === undefined ? {} : { backupPath: written.backupPath };
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
