import type { PassedEnv } from "./units.js";
import type { Env } from "../../ports.js";

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

/** The variables to pass, and why any set variable was left out (a secret in it, a relative path). */
export function passedEnv(env: Env): PassedEnvResult {
  const out: Array<readonly [string, string]> = [];
  const warnings: string[] = [];
  for (const name of PASSED_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    if (CREDENTIALS_IN_URL.test(value)) {
      warnings.push(
        `${name} holds a user name or password, so it is not written into the schedule: set the proxy for the timer yourself`,
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
