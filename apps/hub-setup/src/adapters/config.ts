/** ansible.cfg: where Ansible finds it, reading and parsing it, and the atomic write with a backup. */
import { chmod } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { HubSetupError, parseAnsibleConfig, type AnsibleConfig } from "@hub-setup/core";
import type { FileSnapshot } from "@hub-setup/core/node";
import type { ConfigDiscovery, ConfigFile, Env, LoadedConfig } from "../ports.js";
import { fsHint, fsReason, isFsError, readOnlyConfigError } from "../fs-errors.js";
import { loadedConfig } from "../servers/loaded-config.js";
import { backupPathFor } from "./backups.js";
import { homeDir } from "./home.js";

/** Where Ansible finds its ansible.cfg from `cwd` (a file it would refuse is a warning here). */
export async function discoverConfig(place: { env: Env; cwd: string }): Promise<ConfigDiscovery> {
  const { findAnsibleConfig } = await import("@hub-setup/core/node");
  const found = findAnsibleConfig({ env: place.env, cwd: place.cwd, home: homeDir(place.env) });
  const warnings = found.error === undefined ? found.warnings : [...found.warnings, found.error];
  return { path: found.path, candidates: found.candidates, warnings };
}

/**
 * Removes the temp files a killed hub-setup left beside `path` (`.ansible.cfg.hub-setup-tmp-<pid>-…`,
 * 0600 and possibly holding a token, where `git add -A` would stage them), when their writer is dead.
 * Every command does this before it reads ansible.cfg, not only the next write. A folder we may not
 * change is left as it is: the read goes on.
 */
export async function sweepStaleTemps(path: string): Promise<void> {
  const { resolveWriteTarget, sweepTemps } = await import("@hub-setup/core/node");
  const target = await resolveWriteTarget(path).catch(() => path);
  await sweepTemps(dirname(target), basename(target)).catch(() => undefined);
}

/** The file's text and snapshot; undefined when it does not exist. Stale temps beside it are swept first. */
export async function readConfig(path: string): Promise<ConfigFile | undefined> {
  const { readConfigFile } = await import("@hub-setup/core/node");
  await sweepStaleTemps(path);
  const file = await readConfigFile(path);
  if (file === undefined) return undefined;
  // No write bit for anyone: someone made it read-only on purpose (root could replace it all the same).
  return { text: file.text, snapshot: file.snapshot, readOnly: (file.snapshot.mode & 0o222) === 0 };
}

/** Writes an ansible.cfg: see `writeConfig`. */
export type ConfigWriter = (
  path: string,
  text: string,
  expected: ConfigFile | undefined,
  options?: { holdsSecret?: boolean; backup?: boolean },
) => Promise<{ backupPath?: string }>;

/**
 * Atomic, with a backup of the old file (unless `backup: false`); refuses when the file changed since
 * `expected` was read. Inside a git work tree the backup goes under the XDG state folder (backups.ts),
 * never beside the file where `git add -A` would stage it. `holdsSecret`: the file and its backup are
 * made 0600, like the credentials file.
 */
export function configWriter(env: Env): ConfigWriter {
  return (path, text, expected, options = {}) => writeConfig(env, path, text, expected, options);
}

async function writeConfig(
  env: Env,
  path: string,
  text: string,
  expected: ConfigFile | undefined,
  options: { holdsSecret?: boolean; backup?: boolean },
): Promise<{ backupPath?: string }> {
  const { resolveWriteTarget, writeFileAtomic } = await import("@hub-setup/core/node");
  if (expected?.readOnly === true) throw readOnlyConfigError(path);
  const keep = options.backup !== false && expected !== undefined;
  const backupPath = keep ? await backupPathFor(env, await resolveWriteTarget(path)) : undefined;
  const written = await writeFileAtomic(path, text, {
    expected: expected === undefined ? "absent" : (expected.snapshot as FileSnapshot),
    backup: keep,
    ...(backupPath === undefined ? {} : { backupPath }),
    ...(options.holdsSecret === true ? { mode: 0o600 } : {}),
  }).catch((error: unknown) => {
    if (!isFsError(error)) throw error;
    throw new HubSetupError(
      "CONFIG_NOT_WRITABLE",
      `cannot write ${path}: ${fsReason(error)}; nothing was written.`,
      {
        hint: fsHint(error),
        cause: error,
      },
    );
  });
  if (options.holdsSecret === true && written.backupPath !== undefined)
    await chmod(written.backupPath, 0o600);
  return written.backupPath === undefined ? {} : { backupPath: written.backupPath };
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
    await sweepStaleTemps(found.path);
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
  return loadedConfig(found, config, env);
}
