import { HubSetupError } from "../errors.js";
import { galaxyServerEnvVar, serverIdProblem } from "../galaxy/index.js";

/** One galaxy server as the build needs it: ansible-core reads these as ANSIBLE_GALAXY_SERVER_<ID>_<KEY>. */
export type BuildSecretServer = {
  id: string;
  url: string;
  /** An offline token (with authUrl) or a hub API token. */
  token?: string;
  authUrl?: string;
  clientId?: string;
  validateCerts?: boolean;
};

/** POSIX single-quoting: everything is literal inside '…'; a quote is closed, escaped and reopened. */
export function shellSingleQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function line(name: string, value: string): string {
  if (/[\n\r\0]/.test(value)) {
    throw new HubSetupError(
      "INVALID_OPTION",
      `${name} holds a line break or NUL character, which a build secret file cannot carry`,
    );
  }
  return `${name}=${shellSingleQuote(value)}\n`;
}

/**
 * The build secret file: shell-sourceable `KEY='value'` lines, ANSIBLE_GALAXY_SERVER_LIST first (in the
 * order given) then each server's settings. Sourced with `set -a` inside one RUN, it configures
 * ansible-galaxy for that step only. The text holds tokens: write it 0600 and delete it after the build.
 */
export function renderSecretEnvFile(servers: readonly BuildSecretServer[]): string {
  if (servers.length === 0)
    throw new HubSetupError("INVALID_OPTION", "a build secret needs at least one galaxy server");
  const seen = new Set<string>();
  for (const s of servers) {
    const problem = serverIdProblem(s.id);
    if (problem !== undefined) {
      throw new HubSetupError("INVALID_SERVER_ID", `server id "${s.id}": ${problem.reason}`, {
        hint: `Use "${problem.suggestion}" instead.`,
      });
    }
    if (seen.has(s.id)) throw new HubSetupError("INVALID_OPTION", `server id "${s.id}" is listed twice`);
    seen.add(s.id);
  }
  let out = line("ANSIBLE_GALAXY_SERVER_LIST", servers.map((s) => s.id).join(","));
  for (const s of servers) {
    out += line(galaxyServerEnvVar(s.id, "url"), s.url);
    if (s.authUrl !== undefined) out += line(galaxyServerEnvVar(s.id, "auth_url"), s.authUrl);
    if (s.clientId !== undefined) out += line(galaxyServerEnvVar(s.id, "client_id"), s.clientId);
    if (s.validateCerts !== undefined) {
      out += line(galaxyServerEnvVar(s.id, "validate_certs"), s.validateCerts ? "true" : "false");
    }
    if (s.token !== undefined) out += line(galaxyServerEnvVar(s.id, "token"), s.token);
  }
  return out;
}
