/**
 * What status, refresh, exec and env see of ansible.cfg: core's discovery and galaxy view, reduced to
 * the LoadedConfig port (a chosen file and why, its servers with where each value comes from, and the
 * problems of the setup as a whole). Pure: adapters/config.ts does the reading.
 */
import {
  readGalaxyServers,
  type AnsibleConfig,
  type ResolvedGalaxyServer,
  type SecretFinding,
  type Sourced as CoreSourced,
} from "@hub-setup/core";
import type { ConfigDiscovery, ConfiguredServer, Env, LoadedConfig, Sourced } from "../ports.js";
import { plaintextSettings, secretsElsewhere, secretsInConfig } from "./plaintext.js";

/** Core's galaxy warnings that status reports per server itself (kept out of the global list). */
const PER_SERVER_WARNINGS = new Set(["SERVER_ID_PROBLEM", "LISTED_WITHOUT_SECTION"]);

function whyChosen(candidates: ReadonlyArray<{ chosen: boolean; reason: string }>): string {
  const chosen = candidates.find((c) => c.chosen);
  if (chosen !== undefined) return chosen.reason;
  return "Ansible reads no ansible.cfg here and uses its defaults";
}

/** The LoadedConfig for what discovery found and the parsed file (undefined: none), with `env`'s overrides. */
export function loadedConfig(
  found: ConfigDiscovery,
  config: AnsibleConfig | undefined,
  env: Env,
): LoadedConfig {
  const view = readGalaxyServers(config, env);
  const listed = new Set(view.serverList.ids);
  const findings = config === undefined ? [] : secretsInConfig(config.toString());
  const servers = view.servers.map((s) => configuredServer(s, findings));
  return {
    path: found.path,
    reason: whyChosen(found.candidates),
    candidates: found.candidates,
    warnings: found.warnings,
    serverListSource: view.serverList.ids.length > 0 ? view.serverList.source : undefined,
    servers,
    problems: view.problems
      .filter((p) => !PER_SERVER_WARNINGS.has(p.code))
      .filter((p) => !(p.code === "SECTION_WITHOUT_URL" && p.id !== undefined && listed.has(p.id)))
      .map((p) => p.message),
    secretsElsewhere: secretsElsewhere(servers, findings),
  };
}

function sourced(value: CoreSourced | undefined): Sourced<string> | undefined {
  if (value === undefined) return undefined;
  return value.line === undefined
    ? { value: value.value, source: value.source }
    : { value: value.value, source: value.source, line: value.line };
}

function configuredServer(
  server: ResolvedGalaxyServer,
  findings: readonly SecretFinding[],
): ConfiguredServer {
  const out: ConfiguredServer = { id: server.id, sectionExists: server.sectionExists, plaintextInFile: [] };
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
  out.plaintextInFile = plaintextSettings(out, findings);
  return out;
}
