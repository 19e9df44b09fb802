/**
 * findAnsibleConfig: which ansible.cfg Ansible will read, and why each other candidate was skipped.
 * Mirrors ansible-core's find_ini_config_file (2.14 through devel): the first of these that exists and is
 * readable wins, files are never merged —
 *   1. $ANSIBLE_CONFIG, with $VARS and ~ expanded, relative to cwd; a folder means <folder>/ansible.cfg;
 *   2. ./ansible.cfg, unless the current folder is world-writable (then Ansible warns);
 *   3. ~/.ansible.cfg;
 *   4. /etc/ansible/ansible.cfg.
 * Ansible then refuses a chosen file whose extension is not .cfg or .ini; `error` says so in its words.
 */
import { posix } from "node:path";
import { nodeDiscoveryFs, type DiscoveryFs } from "./discovery-fs.js";

export type ConfigCandidate = { path: string; chosen: boolean; reason: string };
export type ConfigDiscovery = {
  path: string | undefined;
  candidates: ConfigCandidate[];
  warnings: string[];
  /** What Ansible stops with when it reads `path` (an unsupported extension). */
  error?: string;
};

type Env = Readonly<Record<string, string | undefined>>;
type Candidate = { path: string; origin: "env" | "cwd" | "home" | "system"; note?: string };

const SYSTEM_CONFIG = "/etc/ansible/ansible.cfg";
const WORLD_WRITABLE = 0o002;

/** posixpath.expandvars: $NAME and ${NAME} replaced when set, left alone otherwise. */
function expandVars(path: string, env: Env): string {
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const value = env[name.startsWith("{") ? name.slice(1, -1) : name];
    return value ?? whole;
  });
}

/** ansible's unfrackpath(path, follow=False): vars, ~, relative to cwd, normalised. */
function unfrack(path: string, env: Env, cwd: string, home: string): string {
  let p = expandVars(path, env);
  if (p === "~" || p.startsWith("~/")) p = home.replace(/\/+$/, "") + p.slice(1) || "/";
  if (!posix.isAbsolute(p)) p = posix.join(cwd, p);
  const normal = posix.normalize(p);
  return normal.length > 1 ? normal.replace(/\/+$/, "") : normal;
}

function extensionError(path: string): string | undefined {
  const ext = posix.extname(path);
  if (ext === ".cfg" || ext === ".ini") return undefined;
  if (ext === ".yaml" || ext === ".yml") return "Unsupported configuration file type: yaml";
  return `Unsupported configuration file extension for ${path}: ${ext}`;
}

export function findAnsibleConfig(input: {
  env: Env;
  cwd: string;
  home: string;
  fs?: DiscoveryFs;
}): ConfigDiscovery {
  const { env, cwd, home } = input;
  const fs = input.fs ?? nodeDiscoveryFs;
  const candidates: Candidate[] = [];
  const warnings: string[] = [];
  const skipped: ConfigCandidate[] = [];

  const fromEnv = env["ANSIBLE_CONFIG"];
  let envPath: string | undefined;
  if (fromEnv !== undefined) {
    envPath = unfrack(fromEnv, env, cwd, home);
    if (fs.stat(envPath)?.isDirectory === true) {
      envPath = posix.join(envPath, "ansible.cfg");
      candidates.push({ path: envPath, origin: "env", note: "ANSIBLE_CONFIG names a folder" });
    } else {
      candidates.push({ path: envPath, origin: "env" });
    }
    if (fromEnv.startsWith("~") && !fromEnv.startsWith("~/") && fromEnv !== "~") {
      warnings.push(`ANSIBLE_CONFIG=${fromEnv}: a ~user path is not expanded here; Ansible would expand it`);
    }
  }

  const cwdFile = posix.join(cwd, "ansible.cfg");
  const cwdStat = fs.stat(cwd);
  let warnWorldWritable = false;
  if (cwdStat === undefined) {
    skipped.push({
      path: cwdFile,
      chosen: false,
      reason: "the current folder cannot be read, so Ansible skips it",
    });
  } else if ((cwdStat.mode & WORLD_WRITABLE) !== 0) {
    warnWorldWritable = fs.stat(cwdFile) !== undefined;
    skipped.push({
      path: cwdFile,
      chosen: false,
      reason:
        "ignored: the current folder is world-writable, and Ansible never reads ansible.cfg from such a folder",
    });
  } else {
    candidates.push({ path: cwdFile, origin: "cwd" });
  }
  candidates.push({ path: unfrack("~/.ansible.cfg", env, cwd, home), origin: "home" });
  candidates.push({ path: SYSTEM_CONFIG, origin: "system" });

  let chosen: string | undefined;
  const listed: ConfigCandidate[] = [];
  for (const c of candidates) {
    const what = describe(c);
    if (chosen !== undefined) {
      listed.push({ path: c.path, chosen: false, reason: `not read: ${chosen} comes first (${what})` });
      continue;
    }
    if (fs.stat(c.path) === undefined) {
      listed.push({ path: c.path, chosen: false, reason: `does not exist (${what})` });
    } else if (!fs.readable(c.path)) {
      listed.push({ path: c.path, chosen: false, reason: `exists but is not readable (${what})` });
    } else {
      chosen = c.path;
      listed.push({ path: c.path, chosen: true, reason: `Ansible reads this file (${what})` });
    }
  }
  // Keep Ansible's order: the skipped cwd entry sits between ANSIBLE_CONFIG and ~/.ansible.cfg.
  const envCount = candidates[0]?.origin === "env" ? 1 : 0;
  const ordered = [...listed.slice(0, envCount), ...skipped, ...listed.slice(envCount)];

  // Ansible compares ANSIBLE_CONFIG (a sentinel when unset) with the chosen path (None when none):
  // it stays quiet only when ANSIBLE_CONFIG itself named the file it reads.
  if (warnWorldWritable && !(envPath !== undefined && envPath === chosen)) {
    warnings.push(
      `Ansible is being run in a world writable directory (${cwd}), ignoring it as an ansible.cfg source. For more information see https://docs.ansible.com/ansible/devel/reference_appendices/config.html#cfg-in-world-writable-dir`,
    );
  }
  const error = chosen === undefined ? undefined : extensionError(chosen);
  return { path: chosen, candidates: ordered, warnings, ...(error === undefined ? {} : { error }) };
}

function describe(c: Candidate): string {
  switch (c.origin) {
    case "env":
      return c.note ?? "ANSIBLE_CONFIG names it";
    case "cwd":
      return "./ansible.cfg in the current folder";
    case "home":
      return "~/.ansible.cfg";
    case "system":
      return "the system-wide config";
  }
}
