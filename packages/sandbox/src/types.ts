/** The public shapes of @hub-setup/sandbox. Other packages code against these names. */

export type CloudRepository = "published" | "validated";
export type PrivateRepository = "published" | "rh-certified" | "community" | "validated";

export const CLOUD_REPOSITORIES: readonly CloudRepository[] = ["published", "validated"];
export const PRIVATE_REPOSITORIES: readonly PrivateRepository[] = [
  "published",
  "rh-certified",
  "community",
  "validated",
];

/** What a request presented: no credentials, `Bearer`, `Token`, `Basic`, or a refresh_token grant. */
export type CredentialKind = "none" | "bearer" | "token" | "basic" | "refresh-grant";

export type LogEntry = {
  method: string;
  /** The request target as sent (path and query). */
  path: string;
  /** The HTTP status answered; 0 when a fault dropped the connection. */
  status: number;
  credential: CredentialKind;
  /** The `client_id` form field of a token-endpoint request. */
  clientId?: string;
  /** The redacted form of the credential presented: never the value itself. */
  redacted?: string;
};

/** Where a fault applies: "hub" means both hubs, "download" only artifact downloads. */
export type FaultTarget = "sso" | "cloud" | "private" | "hub" | "download" | "all";

/** `times` limits how many requests the fault hits; without it the fault lasts until cleared. */
export type Faults = {
  /** Answer this status (default 503) instead of handling the request. */
  serverError: { target: FaultTarget; status?: number; times?: number } | undefined;
  /** Wait this long before handling the request. */
  delay: { target: FaultTarget; ms: number; times?: number } | undefined;
  /** Destroy the socket without answering. */
  drop: { target: FaultTarget; times?: number } | undefined;
  /** Answer the artifact download with a 401 in the hub's own error shape, whatever the credentials. */
  downloadUnauthorized: { times?: number } | undefined;
};

export type CollectionSpec = {
  namespace: string;
  name: string;
  version: string;
  description?: string;
  /** `{"ns.name": ">=1.0.0"}`, as in galaxy.yml. */
  dependencies?: Record<string, string>;
  /** Extra files (path → content) besides README.md and meta/runtime.yml. */
  files?: Record<string, string>;
};

export type MintOfflineTokenOptions = {
  /** The `azp` claim: the client the token was issued to (default `cloud-services`). */
  clientId?: string;
  /** The user name in `sub` and `preferred_username` (default `sandbox-user`). */
  username?: string;
};

export type SandboxClock = { now(): Date; advance(ms: number): void; set(date: Date): void };

export type SandboxOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where state (tokens, clock offset, sessions) is kept as JSON; default a temp folder removed on close. */
  stateDir?: string;
  /** The base clock; the sandbox clock is this plus an offset that advance()/set() move. */
  clock?: { now(): Date };
  faults?: Partial<Faults>;
  /** The collections to serve; default sandbox.demo 1.0.0 and 1.1.0 and sandbox.app 1.0.0. */
  collections?: readonly CollectionSpec[];
};

export type SandboxUrls = {
  base: string;
  tokenEndpoint: string;
  cloud: Record<CloudRepository, string>;
  private: Record<PrivateRepository, string>;
  privateTokenEndpoint: string;
};

export type Sandbox = {
  urls: SandboxUrls;
  /** Fake tokens valid only here. `hub` is always the current private-hub token. */
  readonly tokens: { readonly offline: string; readonly hub: string };
  /** The demo private-hub user for Basic auth on the token endpoint. */
  user: { username: string; password: string };
  /** "ns.name" of every collection served. */
  collections: string[];
  log: { entries(): LogEntry[]; clear(): void };
  clock: SandboxClock;
  faults: { set(faults: Partial<Faults>): void; clear(): void };
  sso: { revoke(offlineToken: string): void; mintOfflineToken(options?: MintOfflineTokenOptions): string };
  hub: { loadToken(): string };
  stateDir: string;
  close(): Promise<void>;
};
