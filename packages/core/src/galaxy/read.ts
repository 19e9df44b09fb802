/**
 * readGalaxyServers: the galaxy servers ansible-galaxy (2.14–2.18) will use, resolved the way it does.
 * server_list: ANSIBLE_GALAXY_SERVER_LIST beats [galaxy] server_list. Each key of a listed server:
 * ANSIBLE_GALAXY_SERVER_<ID>_<KEY> beats [galaxy_server.<id>] <key> (which inherits [DEFAULT], and only
 * when the section exists) beats the default. String values are unquote()d, as Ansible does.
 */
import type { AnsibleConfig } from "../cfg/document.js";
import { ansibleBoolean, ansibleList, unquote } from "./ansible-values.js";
import { galaxyProblems } from "./problems.js";
import { galaxyServerEnvVar, serverIdProblem } from "./server-id.js";
import type { GalaxyAuth, GalaxyServersView, ResolvedGalaxyServer, Sourced } from "./types.js";

export const SERVER_SECTION_PREFIX = "galaxy_server.";
type Env = Record<string, string | undefined>;

function fromFile(config: AnsibleConfig | undefined, section: string, key: string): Sourced | undefined {
  if (config === undefined || !config.hasSection(section)) return undefined;
  return fromSection(config, section, key);
}

/** A key of a section known to exist. */
function fromSection(config: AnsibleConfig, section: string, key: string): Sourced | undefined {
  const value = config.get(section, key);
  const at = config.location(section, key);
  if (value === undefined || at === undefined) return undefined;
  const own = config.getOwn(section, key) !== undefined;
  return { value, source: "file", line: at.line, section: own ? section : "DEFAULT" };
}

/**
 * What every server's lookups share, worked out once per read: with a server_list of 100k ids, looking
 * up seven variables per server in `env` (process.env: a getenv each) and the section once per key was
 * most of the time. Only ANSIBLE_GALAXY_SERVER_* variables can hold a server's key.
 */
type Lookup = { config: AnsibleConfig | undefined; env: Env; serverVars: Map<string, string> | undefined };

function lookupFor(config: AnsibleConfig | undefined, env: Env): Lookup {
  let serverVars: Map<string, string> | undefined;
  for (const name of Object.keys(env)) {
    const value = env[name];
    if (value !== undefined && name.startsWith("ANSIBLE_GALAXY_SERVER_"))
      (serverVars ??= new Map()).set(name, value);
  }
  return { config, env, serverVars };
}

/** One server: its id, and its section's name when the file has that section. */
type ServerAt = { id: string; section: string | undefined };

function resolveRaw(ctx: Lookup, at: ServerAt, key: string): Sourced | undefined {
  if (ctx.serverVars !== undefined) {
    const envVar = galaxyServerEnvVar(at.id, key);
    const e = ctx.serverVars.get(envVar);
    if (e !== undefined) return { value: e, source: "env", envVar };
  }
  return ctx.config === undefined || at.section === undefined
    ? undefined
    : fromSection(ctx.config, at.section, key);
}

function resolveString(ctx: Lookup, at: ServerAt, key: string): Sourced | undefined {
  const raw = resolveRaw(ctx, at, key);
  return raw === undefined ? undefined : { ...raw, value: unquote(raw.value) };
}

function resolveValidateCerts(ctx: Lookup, at: ServerAt): Sourced & { enabled: boolean } {
  const { config, env } = ctx;
  const own = resolveRaw(ctx, at, "validate_certs");
  if (own !== undefined)
    return { ...own, value: String(ansibleBoolean(own.value)), enabled: ansibleBoolean(own.value) };
  const ignoreEnv = env["ANSIBLE_GALAXY_IGNORE"];
  const ignoreFile = ignoreEnv === undefined ? fromFile(config, "galaxy", "ignore_certs") : undefined;
  const ignore = ignoreEnv ?? ignoreFile?.value;
  const enabled = ignore === undefined ? true : !ansibleBoolean(ignore);
  const note =
    ignoreEnv !== undefined
      ? "from ANSIBLE_GALAXY_IGNORE"
      : ignoreFile !== undefined
        ? `from [galaxy] ignore_certs (line ${ignoreFile.line ?? 0})`
        : undefined;
  return { value: String(enabled), source: "default", enabled, ...(note === undefined ? {} : { note }) };
}

function authOf(s: ResolvedGalaxyServer): GalaxyAuth {
  if (s.username !== undefined && s.username.value !== "") return "basic";
  if (s.token === undefined || s.token.value === "") return "none";
  return s.authUrl !== undefined && s.authUrl.value !== "" ? "keycloak" : "token";
}

function resolveServer(ctx: Lookup, id: string): ResolvedGalaxyServer {
  const name = SERVER_SECTION_PREFIX + id;
  const sectionExists = ctx.config?.hasSection(name) ?? false;
  const at: ServerAt = { id, section: sectionExists ? name : undefined };
  const server: ResolvedGalaxyServer = { id, auth: "none", sectionExists };
  const keys = [
    ["url", "url"],
    ["token", "token"],
    ["authUrl", "auth_url"],
    ["clientId", "client_id"],
    ["username", "username"],
    ["password", "password"],
  ] as const;
  for (const [field, key] of keys) {
    const v = resolveString(ctx, at, key);
    if (v !== undefined) server[field] = v;
  }
  server.clientId ??= { value: "cloud-services", source: "default", note: "ansible-galaxy's SSO client id" };
  server.validateCerts = resolveValidateCerts(ctx, at);
  server.auth = authOf(server);
  const idProblem = serverIdProblem(id);
  if (idProblem !== undefined) server.idProblem = idProblem;
  return server;
}

export function readServerList(config: AnsibleConfig | undefined, env: Env): GalaxyServersView["serverList"] {
  const fromEnv = env["ANSIBLE_GALAXY_SERVER_LIST"];
  if (fromEnv !== undefined)
    return { ids: ansibleList(fromEnv), source: "env", envVar: "ANSIBLE_GALAXY_SERVER_LIST" };
  const file = fromFile(config, "galaxy", "server_list");
  if (file === undefined) return { ids: [], source: "default" };
  return {
    ids: ansibleList(file.value),
    source: "file",
    ...(file.line === undefined ? {} : { line: file.line }),
  };
}

export function readGalaxyServers(config: AnsibleConfig | undefined, env: Env): GalaxyServersView {
  const serverList = readServerList(config, env);
  const ctx = lookupFor(config, env);
  const servers = serverList.ids.map((id) => resolveServer(ctx, id));
  return { serverList, servers, problems: galaxyProblems(config, serverList, servers) };
}
