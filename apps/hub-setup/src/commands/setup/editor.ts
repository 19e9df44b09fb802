import {
  HubSetupError,
  parseAnsibleConfig,
  readGalaxyServers,
  unquote,
  setServerList,
  upsertGalaxyServer,
  type AnsibleConfig,
} from "@hub-setup/core";
import type { Env } from "../../ports.js";

/**
 * The wizard's view of @hub-setup/core's lossless ansible.cfg editor: the servers a file defines, and
 * the file's text with servers added or replaced (every other line kept as it was).
 */
export type ExistingServer = { id: string; url: string | undefined; listed: boolean };

export type ServerEntry = { id: string; url: string; authUrl?: string; clientId?: string; token?: string };

const SECTION = "galaxy_server.";

/** Keys a replaced server must lose when we do not write them: a stale token left in plain text, a
 * username that would override the token, an auth_url or client_id from another kind of hub. */
const CLEARED_WHEN_UNSET = ["token", "auth_url", "client_id", "username", "password"] as const;

function parse(text: string): AnsibleConfig {
  const parsed = parseAnsibleConfig(text);
  if (!parsed.ok) {
    throw new HubSetupError(
      "CONFIG_PARSE",
      `this ansible.cfg cannot be read the way Ansible reads it: ${parsed.error.message}`,
      {
        hint: "fix that line first (Ansible itself would fail on it), then run hub-setup again",
      },
    );
  }
  return parsed.config;
}

/** Every galaxy server the file defines or lists (listed ones first, in server_list order). */
export function existingServers(text: string, env: Env): ExistingServer[] {
  const config = parse(text);
  const view = readGalaxyServers(config, { ...env });
  const listed = view.servers.map((s) => ({ id: s.id, url: s.url?.value, listed: true }));
  const ids = new Set(listed.map((s) => s.id));
  const unlisted = config
    .sectionNames()
    .filter((name) => name.startsWith(SECTION) && !ids.has(name.slice(SECTION.length)))
    .map((name) => {
      const url = config.get(name, "url");
      return {
        id: name.slice(SECTION.length),
        url: url === undefined ? undefined : unquote(url),
        listed: false,
      };
    });
  return [...listed, ...unlisted];
}

export function withServers(
  text: string,
  servers: readonly ServerEntry[],
): { text: string; warnings: string[] } {
  const config = parse(text);
  const warnings = new Set<string>();
  for (const server of servers) {
    const section = SECTION + server.id;
    const given: Record<(typeof CLEARED_WHEN_UNSET)[number], string | undefined> = {
      token: server.token,
      auth_url: server.authUrl,
      client_id: server.clientId,
      username: undefined,
      password: undefined,
    };
    if (config.hasSection(section)) {
      for (const key of CLEARED_WHEN_UNSET)
        if (given[key] === undefined && config.getOwn(section, key) !== undefined)
          config.remove(section, key);
    }
    for (const w of upsertGalaxyServer(config, server, { addToList: "end" }).warnings)
      warnings.add(w.message);
  }
  return { text: config.toString(), warnings: [...warnings] };
}

/** The ids of `[galaxy] server_list` in the file's text, in order (what ansible-galaxy tries, in turn). */
export function serverListOf(text: string): string[] {
  return readGalaxyServers(parse(text), {}).serverList.ids;
}

/** The text with `server_list` set to exactly `ids`, in that order (the rest of the file kept). */
export function withServerList(text: string, ids: readonly string[]): string {
  const config = parse(text);
  setServerList(config, ids);
  return config.toString();
}
