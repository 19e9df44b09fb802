/**
 * What is wrong or surprising in a galaxy server setup, as warnings a person can act on: a listed server
 * with no section, a section with no url, a section nobody lists, [DEFAULT] keys every server inherits,
 * ids whose environment variables cannot be exported, a username that silently disables the token.
 */
import type { AnsibleConfig } from "../cfg/document.js";
import type { ConfigWarning } from "../cfg/edit-result.js";
import { galaxyServerEnvVar } from "./server-id.js";
import type { GalaxyServersView, ResolvedGalaxyServer } from "./types.js";

const PREFIX = "galaxy_server.";
const SERVER_KEYS = ["url", "token", "auth_url", "client_id", "username", "password", "validate_certs"];

function serverSections(config: AnsibleConfig | undefined): string[] {
  return (config?.sectionNames() ?? []).filter((n) => n.startsWith(PREFIX));
}

function lineOf(config: AnsibleConfig | undefined, section: string): { line?: number } {
  const at = config?.sectionLocation(section);
  return at === undefined ? {} : { line: at.line };
}

export function galaxyProblems(
  config: AnsibleConfig | undefined,
  serverList: GalaxyServersView["serverList"],
  servers: readonly ResolvedGalaxyServer[],
): ConfigWarning[] {
  const problems: ConfigWarning[] = [];
  // Looked up once, not per server or per section: a server_list of 100k ids must stay linear.
  const sections = serverSections(config);
  const sectionsByLowerName = new Map<string, string>();
  for (const name of sections)
    if (!sectionsByLowerName.has(name.toLowerCase())) sectionsByLowerName.set(name.toLowerCase(), name);
  const serversById = new Map<string, ResolvedGalaxyServer>();
  for (const s of servers) if (!serversById.has(s.id)) serversById.set(s.id, s);
  const listedBy = serverList.source === "env" ? "ANSIBLE_GALAXY_SERVER_LIST" : "[galaxy] server_list";
  for (const s of servers) {
    const section = PREFIX + s.id;
    if (s.idProblem !== undefined) {
      problems.push({
        code: "SERVER_ID_PROBLEM",
        id: s.id,
        section,
        message: `server id "${s.id}": ${s.idProblem.reason}; use an id like "${s.idProblem.suggestion}"`,
      });
    }
    if (!s.sectionExists && s.url === undefined) {
      const other = sectionsByLowerName.get(section.toLowerCase());
      const hint = other === undefined ? "" : ` (there is [${other}], but section names are case-sensitive)`;
      problems.push({
        code: "LISTED_WITHOUT_SECTION",
        id: s.id,
        section,
        message: `${listedBy} names "${s.id}" but there is no [${section}] section${hint} and no ${galaxyServerEnvVar(s.id, "url")}; ansible-galaxy stops with "No setting was provided for required configuration ... url"`,
      });
    }
    if (s.username !== undefined && s.username.value !== "" && s.token !== undefined) {
      problems.push({
        code: "USERNAME_OVERRIDES_TOKEN",
        id: s.id,
        section,
        key: "username",
        message: `server "${s.id}" has a username, so ansible-galaxy uses basic auth and ignores its token and auth_url`,
      });
    }
  }
  const listed = new Set(serverList.ids);
  for (const section of sections) {
    const id = section.slice(PREFIX.length);
    const resolved = serversById.get(id);
    const hasUrl =
      resolved !== undefined ? resolved.url !== undefined : config?.get(section, "url") !== undefined;
    if (!hasUrl) {
      problems.push({
        code: "SECTION_WITHOUT_URL",
        id,
        section,
        key: "url",
        ...lineOf(config, section),
        message: `[${section}] has no url; ansible-galaxy needs one for every server it uses`,
      });
    }
    if (!listed.has(id)) {
      problems.push({
        code: "SECTION_NOT_LISTED",
        id,
        section,
        ...lineOf(config, section),
        message: `[${section}] is not in ${listedBy}, so ansible-galaxy ignores it`,
      });
    }
  }
  for (const key of config?.keys("DEFAULT") ?? []) {
    if (!SERVER_KEYS.includes(key) && key !== "server_list") continue;
    problems.push({
      code: "DEFAULT_KEY_INHERITED",
      section: "DEFAULT",
      key,
      line: config?.location("DEFAULT", key)?.line ?? 0,
      message: `[DEFAULT] sets \`${key}\`, so every section inherits it (every galaxy server, too); move it to the section that needs it`,
    });
  }
  return problems;
}
