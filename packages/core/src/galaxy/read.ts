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
  const value = config.get(section, key);
  const at = config.location(section, key);
  if (value === undefined || at === undefined) return undefined;
  const own = config.getOwn(section, key) !== undefined;
  return { value, source: "file", line: at.line, section: own ? section : "DEFAULT" };
}

function resolveRaw(
  config: AnsibleConfig | undefined,
  env: Env,
  id: string,
  key: string,
): Sourced | undefined {
  const envVar = galaxyServerEnvVar(id, key);
  const e = env[envVar];
  if (e !== undefined) return { value: e, source: "env", envVar };
  return fromFile(config, SERVER_SECTION_PREFIX + id, key);
}

function resolveString(
  config: AnsibleConfig | undefined,
  env: Env,
  id: string,
  key: string,
): Sourced | undefined {
  const raw = resolveRaw(config, env, id, key);
  return raw === undefined ? undefined : { ...raw, value: unquote(raw.value) };
}

function resolveValidateCerts(
  config: AnsibleConfig | undefined,
  env: Env,
  id: string,
): Sourced & { enabled: boolean } {
  const own = resolveRaw(config, env, id, "validate_certs");
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

function resolveServer(config: AnsibleConfig | undefined, env: Env, id: string): ResolvedGalaxyServer {
  const server: ResolvedGalaxyServer = {
    id,
    auth: "none",
    sectionExists: config?.hasSection(SERVER_SECTION_PREFIX + id) ?? false,
  };
  const keys = [
    ["url", "url"],
    ["token", "token"],
    ["authUrl", "auth_url"],
    ["clientId", "client_id"],
    ["username", "username"],
    ["password", "password"],
  ] as const;
  for (const [field, key] of keys) {
    const v = resolveString(config, env, id, key);
    if (v !== undefined) server[field] = v;
  }
  server.clientId ??= { value: "cloud-services", source: "default", note: "ansible-galaxy's SSO client id" };
  server.validateCerts = resolveValidateCerts(config, env, id);
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
  const servers = serverList.ids.map((id) => resolveServer(config, env, id));
  return { serverList, servers, problems: galaxyProblems(config, serverList, servers) };
}
