/**
 * The names that hold a hub credential in any syntax: ansible-galaxy's own environment variables
 * (`ANSIBLE_GALAXY_SERVER_<ID>_TOKEN|_PASSWORD|_CLIENT_SECRET`, `ANSIBLE_GALAXY_TOKEN`), and the
 * variables Ansible content uses for Automation Hub (`ah_token`, `ah_password`, `automation_hub_token`,
 * `galaxy_token`, the offline token of the refresh `curl`).
 */
import type { KeyKind } from "./secret-keys.js";

const SERVER_VARIABLE = /^ANSIBLE_GALAXY_SERVER_[A-Z0-9_]+?_(TOKEN|PASSWORD|CLIENT_SECRET)$/i;

/** What an ansible-galaxy environment variable holds, or undefined for any other name. */
export function hubVariableKind(name: string): KeyKind | undefined {
  if (/^ANSIBLE_GALAXY_TOKEN$/i.test(name)) return "token";
  const m = SERVER_VARIABLE.exec(name);
  if (m == null) return undefined;
  const what = (m[1] ?? "").toUpperCase();
  return what === "PASSWORD" ? "password" : what === "CLIENT_SECRET" ? "client secret" : "token";
}

const HUB_KEY =
  /^(?:ah|automation_?hub|rh_?automation_?hub|galaxy|galaxy_server|hub|private_?hub|pah|console|rh|redhat)_(?:api_)?(?:token|password|offline_token|client_secret)$|^(?:offline|refresh)_token$/i;

/** What a key holding a hub credential in Ansible content holds (`ah_token`, `galaxy_token`…). */
export function hubKeyKind(name: string): KeyKind | undefined {
  const k = name.toLowerCase();
  if (!HUB_KEY.test(k)) return hubVariableKind(name);
  if (k.endsWith("password")) return "password";
  return k.endsWith("client_secret") ? "client secret" : "token";
}

/** The prefixes a scan looks for with indexOf before reading a name (keeps it linear). */
export const HUB_VARIABLE_PREFIXES = ["ANSIBLE_GALAXY_SERVER_", "ANSIBLE_GALAXY_TOKEN"] as const;
