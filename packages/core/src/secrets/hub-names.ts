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
  // Both names start with ANSIBLE_GALAXY_ and hold 20 characters or more: most words are done here.
  if (name.length < 20 || (name.charCodeAt(0) | 0x20) !== 0x61) return undefined;
  if (/^ANSIBLE_GALAXY_TOKEN$/i.test(name)) return "token";
  const m = SERVER_VARIABLE.exec(name);
  if (m == null) return undefined;
  const what = (m[1] ?? "").toUpperCase();
  return what === "PASSWORD" ? "password" : what === "CLIENT_SECRET" ? "client secret" : "token";
}

const HUB_KEY =
  /^(?:ah|automation_?hub|rh_?automation_?hub|galaxy|galaxy_server|hub|private_?hub|pah|console|rh|redhat)_(?:api_)?(?:token|password|offline_token|client_secret)$|^(?:offline|refresh)_token$/i;

/** The last letters (lower case) of token, password and secret. */
const ENDS_LIKE_A_CREDENTIAL = new Set(["n", "d", "t"].map((c) => c.charCodeAt(0)));
/**
 * Every name either pattern accepts ends in one of these, after `_` (…_TOKEN, …_PASSWORD,
 * …_CLIENT_SECRET, offline_token): a bare `token` (the end of an SSO token URL) is none.
 */
const CREDENTIAL_WORDS = ["_token", "_password", "_secret"] as const;

/** What a key holding a hub credential in Ansible content holds (`ah_token`, `galaxy_token`…). */
export function hubKeyKind(name: string): KeyKind | undefined {
  // A scan asks of every word in a file, and most end otherwise: the last letter rules out most, the
  // ending the rest, so that the patterns (whose first use costs V8 ~0.5 ms to compile) run only for
  // names that may hold a credential: a commit's clean ansible.cfg never pays for them.
  if (!ENDS_LIKE_A_CREDENTIAL.has(name.charCodeAt(name.length - 1) | 0x20)) return undefined;
  const k = name.toLowerCase();
  if (!CREDENTIAL_WORDS.some((word) => k.endsWith(word))) return undefined;
  if (!HUB_KEY.test(k)) return hubVariableKind(name);
  if (k.endsWith("password")) return "password";
  return k.endsWith("client_secret") ? "client secret" : "token";
}

/** The prefixes a scan looks for with indexOf before reading a name (keeps it linear). */
export const HUB_VARIABLE_PREFIXES = ["ANSIBLE_GALAXY_SERVER_", "ANSIBLE_GALAXY_TOKEN"] as const;
