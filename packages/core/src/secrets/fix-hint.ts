import { galaxyServerEnvVar, serverIdProblem } from "../galaxy/server-id.js";

/** Keys ansible-galaxy reads per server that also have an environment variable form. */
const SERVER_SECRET_KEYS = new Set(["token", "password", "client_secret"]);
const SERVER_PREFIX = "galaxy_server.";

/** The galaxy server id a section configures, or undefined (Ansible's section names are case-sensitive). */
export function serverIdOf(section: string | null): string | undefined {
  if (section == null || !section.startsWith(SERVER_PREFIX)) return undefined;
  const id = section.slice(SERVER_PREFIX.length);
  return id.length > 0 ? id : undefined;
}

/**
 * The fix for a secret at `section`/`key`: the exact environment variable Ansible reads instead, when
 * there is one a shell can export; otherwise `hub-setup`, which moves the token into the secret store
 * (and renames a server id that has no exportable variable).
 */
export function fixFor(section: string | null, key: string | null): string {
  const id = serverIdOf(section);
  if (id === undefined || key == null || !SERVER_SECRET_KEYS.has(key)) return "hub-setup";
  if (serverIdProblem(id) !== undefined) return "hub-setup";
  return galaxyServerEnvVar(id, key);
}
