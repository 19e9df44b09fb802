import type { PassedEnv } from "./units.js";
import type { Env } from "../../ports.js";
import { safeArg } from "../../safe-arg.js";

/**
 * Variables that change where `hub-setup refresh` looks (config and store folders, ANSIBLE_CONFIG) or
 * how it reaches Red Hat SSO (proxies, extra CAs). A timer or cron job does not inherit your shell's
 * environment, so the ones set now are written into the unit or the crontab line.
 */
export const PASSED_VARIABLES = [
  "XDG_CONFIG_HOME",
  "XDG_STATE_HOME",
  "XDG_DATA_HOME",
  "ANSIBLE_CONFIG",
  "HTTPS_PROXY",
  "https_proxy",
  "HTTP_PROXY",
  "http_proxy",
  "NO_PROXY",
  "no_proxy",
  "NODE_EXTRA_CA_CERTS",
] as const;

export type PassedEnvResult = { env: PassedEnv; warnings: string[] };

const CREDENTIALS_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/@]*@/i;
/** A query or fragment (`?token=…`, `#key=…`): a proxy needs neither, so one there is taken for a secret. */
const QUERY_IN_URL = /^[a-z][a-z0-9+.-]*:\/\/[^?#]*[?#]/i;

/** What makes a value unfit for a unit file (0644) or a crontab line; undefined when it is fine. */
function secretIn(value: string): string | undefined {
  if (CREDENTIALS_IN_URL.test(value)) return "a user name or password";
  if (QUERY_IN_URL.test(value)) return "a query string (such as ?token=…)";
  if (safeArg(value) !== value) return "something shaped like a token";
  return undefined;
}

/** How to give the job a proxy that needs a secret, without writing it where others can read it. */
const HOW_TO_PASS_A_SECRET =
  "put it in a file only you can read (chmod 0600, a line NAME=value) and add EnvironmentFile=<that file> " +
  "to the service with `systemctl --user edit hub-setup-refresh.service` (for cron, source that file in " +
  "your own crontab line), or use a proxy that needs no credentials";

/** The variables to pass, and why any set variable was left out (a secret in it, a relative path). */
export function passedEnv(env: Env): PassedEnvResult {
  const out: Array<readonly [string, string]> = [];
  const warnings: string[] = [];
  for (const name of PASSED_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    const secret = secretIn(value);
    if (secret !== undefined) {
      warnings.push(
        `${name} holds ${secret}, so it is not written into the schedule (unit files are 0644, crontab lines are shown by \`crontab -l\`): ${HOW_TO_PASS_A_SECRET}`,
      );
      continue;
    }
    if (
      (name.startsWith("XDG_") || name === "ANSIBLE_CONFIG" || name === "NODE_EXTRA_CA_CERTS") &&
      !value.startsWith("/")
    ) {
      warnings.push(`${name}=${value} is a relative path, which means nothing to a timer: it is left out`);
      continue;
    }
    out.push([name, value]);
  }
  return { env: out, warnings };
}
