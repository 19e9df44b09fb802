import { HubSetupError, parseAnsibleConfig, readGalaxyServers, upsertGalaxyServer } from "@hub-setup/core";

/**
 * The wizard's view of @hub-setup/core's lossless ansible.cfg editor: the servers a file defines, and
 * the file's text with servers added or replaced (every other line kept as it was).
 */
export type ExistingServer = { id: string; url: string | undefined };

export type ServerEntry = { id: string; url: string; authUrl?: string; clientId?: string; token?: string };

function parse(text: string) {
  const parsed = parseAnsibleConfig(text);
  if (!parsed.ok) {
    throw new HubSetupError(
      "CONFIG_PARSE",
      `ansible.cfg cannot be read as Ansible reads it: ${parsed.error.message}`,
      {
        hint: "fix that line first (Ansible itself would fail on it), then run hub-setup again",
      },
    );
  }
  return parsed.config;
}

export function existingServers(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): ExistingServer[] {
  return readGalaxyServers(parse(text), env).map((s) => ({ id: s.id, url: s.url?.value }));
}

export function withServers(
  text: string,
  servers: readonly ServerEntry[],
): { text: string; warnings: string[] } {
  const config = parse(text);
  const warnings: string[] = [];
  for (const server of servers) {
    warnings.push(...upsertGalaxyServer(config, server, { addToList: true }).warnings);
  }
  return { text: config.toString(), warnings };
}
