/** The galaxy server model: what to write, and what Ansible will resolve. */
import type { ConfigWarning } from "../cfg/edit-result.js";
import type { ServerIdProblem } from "./server-id.js";

/** A server to create or update. Only the keys given are written; `token` only when provided. */
export type GalaxyServerInput = {
  id: string;
  url: string;
  authUrl?: string;
  clientId?: string;
  token?: string;
  validateCerts?: boolean;
};

export type ValueSource = "file" | "env" | "default";

/** A resolved value and where it came from. */
export interface Sourced {
  /** After Ansible's unquote() for string settings; booleans: "true"/"false" as Ansible decided. */
  value: string;
  source: ValueSource;
  /** file: 1-based line of the key (in [DEFAULT] when `section` says so). */
  line?: number;
  /** file: the section the key was found in ([DEFAULT] when inherited). */
  section?: string;
  /** env: the variable that set it. */
  envVar?: string;
  /** How a default was derived, when it was not a plain default. */
  note?: string;
}

export type GalaxyAuth = "basic" | "keycloak" | "token" | "none";

export interface ResolvedGalaxyServer {
  id: string;
  url?: Sourced;
  token?: Sourced;
  authUrl?: Sourced;
  clientId?: Sourced;
  username?: Sourced;
  password?: Sourced;
  validateCerts?: Sourced & { enabled: boolean };
  /** How ansible-galaxy will authenticate: username wins, then token with auth_url (SSO), then token. */
  auth: GalaxyAuth;
  idProblem?: ServerIdProblem;
  sectionExists: boolean;
}

export interface GalaxyServersView {
  serverList: { ids: string[]; source: ValueSource; line?: number; envVar?: string };
  servers: ResolvedGalaxyServer[];
  problems: ConfigWarning[];
}
