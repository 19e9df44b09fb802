import { HubSetupError } from "@hub-setup/core";
import type { ControllerTarget, Env } from "../ports.js";

/** The controller tools' variables (awx collection's AUTH_ARGSPEC, awxkit), first one set wins. */
const HOST = ["CONTROLLER_HOST", "TOWER_HOST", "AAP_HOSTNAME"];
const OAUTH = ["CONTROLLER_OAUTH_TOKEN", "TOWER_OAUTH_TOKEN", "AAP_TOKEN"];
const VERIFY = ["CONTROLLER_VERIFY_SSL", "TOWER_VERIFY_SSL", "AAP_VALIDATE_CERTS"];

function first(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) {
    const v = env[name]?.trim();
    if (v !== undefined && v !== "") return v;
  }
  return undefined;
}

/** A host as the tools take it: without a scheme it is https://, and it always ends with `/`. */
export function controllerUrl(host: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `https://${host}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new HubSetupError("INVALID_URL", `"${host}" is not a controller address`, {
      hint: "give https://<controller host> (AAP 2.5+: the platform gateway's address)",
    });
  }
  url.search = "";
  url.hash = "";
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Which controller, and how to sign in, from `--controller-url` (or the remembered URL) and the
 * environment: CONTROLLER_OAUTH_TOKEN (Bearer), else CONTROLLER_USERNAME and CONTROLLER_PASSWORD
 * (Basic); CONTROLLER_VERIFY_SSL=false skips the certificate check.
 */
export function controllerTarget(env: Env, url: string | undefined): ControllerTarget {
  const host = url ?? first(env, HOST);
  if (host === undefined) {
    throw new HubSetupError(
      "USAGE",
      "which controller? Neither --controller-url nor CONTROLLER_HOST is set",
      {
        hint: "set CONTROLLER_HOST=https://<controller> (AAP 2.5+: the platform gateway)",
      },
    );
  }
  const verify = first(env, VERIFY)?.toLowerCase();
  const verifySsl = !(verify !== undefined && ["false", "0", "no", "off"].includes(verify));
  const token = first(env, OAUTH);
  if (token !== undefined) return { url: controllerUrl(host), auth: { kind: "bearer", token }, verifySsl };
  const username = first(env, ["CONTROLLER_USERNAME", "TOWER_USERNAME", "AAP_USERNAME"]);
  const password = env["CONTROLLER_PASSWORD"] ?? env["TOWER_PASSWORD"] ?? env["AAP_PASSWORD"];
  if (username !== undefined && password !== undefined && password !== "") {
    return { url: controllerUrl(host), auth: { kind: "basic", username, password }, verifySsl };
  }
  throw new HubSetupError("USAGE", "no controller sign-in in the environment", {
    hint: "set CONTROLLER_OAUTH_TOKEN, or CONTROLLER_USERNAME and CONTROLLER_PASSWORD (never on the command line)",
  });
}
