/**
 * The small interfaces the subcommands (status, refresh, exec, env, schedule) depend on. services.ts
 * builds the real ones from @hub-setup/core/node; unit tests pass fakes. Nothing here does I/O.
 */

/** Where Ansible takes a value from: ansible.cfg, an ANSIBLE_GALAXY_SERVER_* variable, or its default. */
export type ValueSource = "file" | "env" | "default";

export type Sourced<T> = { value: T; source: ValueSource; line?: number };

/** One galaxy server as Ansible will see it: its section in ansible.cfg plus environment overrides. */
export type ConfiguredServer = {
  id: string;
  url?: Sourced<string>;
  token?: Sourced<string>;
  authUrl?: Sourced<string>;
  clientId?: Sourced<string>;
  username?: Sourced<string>;
  password?: Sourced<string>;
  validateCerts?: Sourced<boolean>;
  /** Why this id is a bad idea (its variable cannot be exported, or collides); undefined when fine. */
  idProblem?: string;
  /** Whether ansible.cfg has a `[galaxy_server.<id>]` section (a listed id may rely on env alone). */
  sectionExists: boolean;
};

/** One file Ansible could read, and why it was or was not chosen. */
export type ConfigCandidate = { path: string; chosen: boolean; reason: string };

/** The ansible.cfg Ansible will read here (or none), and the galaxy servers it defines. */
export type LoadedConfig = {
  /** The file Ansible reads; undefined when it reads none. */
  path: string | undefined;
  /** Why that file (or why none), in one sentence. */
  reason: string;
  candidates: ConfigCandidate[];
  /** Discovery warnings Ansible would print too (e.g. a world-writable folder). */
  warnings: string[];
  /** Where `server_list` came from; undefined when neither ansible.cfg nor the environment sets it. */
  serverListSource: ValueSource | undefined;
  servers: ConfiguredServer[];
  /** What is wrong with the galaxy setup as a whole (a listed server with no section, no url…). */
  problems: string[];
};

/** The secret store, reduced to what the subcommands need. Ids are galaxy server ids. */
export type TokenStore = {
  backend: string;
  /** A path or keyring service name: printable, never secret. */
  location: string;
  get: (id: string) => Promise<string | undefined>;
  list: () => Promise<string[]>;
};

/** When each offline token was last refreshed successfully (never the token itself). */
export type RefreshState = {
  lastRefresh: (serverId: string, fingerprint: string) => Promise<Date | undefined>;
  recordRefresh: (serverId: string, fingerprint: string, at: Date) => Promise<void>;
};

export type HubKind = "cloud" | "private" | "galaxy";

export type HubTarget = {
  kind: HubKind;
  url: string;
  authUrl?: string;
  clientId?: string;
  validateCerts?: boolean;
};

export type CheckResult =
  { ok: true } | { ok: false; outcome: string; message: string; expectedUrl?: string };

export type RefreshFailureOutcome = "expired" | "wrong-client" | "rejected" | "unavailable" | "network";

export type RefreshResult =
  | { ok: true; expiresIn: number; attempts: number }
  | { ok: false; outcome: RefreshFailureOutcome; message: string; attempts: number };

/** The network side: a live check of a hub with a token, and the SSO refresh_token grant. */
export type HubChecks = {
  verify: (server: HubTarget, token: string, signal: AbortSignal) => Promise<CheckResult>;
  refresh: (
    request: { token: string; authUrl: string; clientId: string },
    signal: AbortSignal,
  ) => Promise<RefreshResult>;
  /** Lets go of connections kept alive for reuse. */
  close: () => Promise<void>;
};
