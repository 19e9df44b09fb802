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
export type FaultTarget = "sso" | "cloud" | "private" | "hub" | "download" | "controller" | "all";

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
  /** The automation controller (always on); see ControllerOptions. */
  controller?: ControllerOptions;
};

export type ControllerOptions = {
  /**
   * Which API roots the controller answers on: `both` (default), `v2` (only `/api/v2/`, as AWX and
   * AAP 2.4) or `gateway` (only `/api/controller/v2/`, as behind the AAP 2.5+ platform gateway).
   */
  apiRoots?: "both" | "v2" | "gateway";
  /** The project's collections/requirements.yml (default: `sandbox.app`, which needs `sandbox.demo`). */
  requirements?: string;
  /** Deadline of a project update's ansible-galaxy run (default 120 s). */
  updateTimeoutMs?: number;
  /** The ansible-galaxy to run (default `ansible-galaxy` on PATH). */
  galaxyCommand?: string;
};

export type SandboxProjectUpdate = {
  id: number;
  project: number;
  status: "running" | "successful" | "failed" | "error" | "canceled";
  /** ansible-galaxy's output with every token redacted. */
  stdout: string;
  /** The environment as the controller shows it: token variables read `**********`. */
  jobEnv: Record<string, string>;
  jobExplanation: string;
  rc: number | null;
  /** The collections ansible-galaxy installed (`ns.name`, version). */
  installed: { name: string; version: string }[];
  started: string;
  finished: string | null;
};

export type SandboxControllerCredential = {
  id: number;
  name: string;
  organization: number | null;
  credentialType: number;
  managed: boolean;
  /** The stored inputs, secrets included (for tests: they are never sent over the API). */
  inputs: Record<string, string>;
};

export type SandboxController = {
  /** The controller's host URL (CONTROLLER_HOST), the sandbox base URL. */
  url: string;
  /** Set when `/api/controller/v2/` is served: the platform gateway's URL (the same host). */
  gatewayUrl?: string;
  /** The absolute API roots served, e.g. `…/api/v2/` and `…/api/controller/v2/`. */
  apiRoots: string[];
  /** The admin's OAuth2 token (`Authorization: Bearer …`, CONTROLLER_OAUTH_TOKEN). */
  oauthToken: string;
  /** The admin (a system administrator) for Basic auth. */
  user: { username: string; password: string };
  /** A system auditor: reads everything, gets 403 on every write. */
  readOnlyUser: { username: string; password: string; oauthToken: string };
  organization: { id: number; name: string };
  project: { id: number; name: string };
  /** The project's collections/requirements.yml that a project update installs. */
  requirements: string;
  credentials(): SandboxControllerCredential[];
  /** The organisation's Galaxy credential ids in order (default organisation unless given). */
  galaxyCredentials(organizationId?: number): number[];
  projectUpdates(): SandboxProjectUpdate[];
  /** Resolves when that update has finished, with its final state. */
  waitForProjectUpdate(id: number): Promise<SandboxProjectUpdate>;
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
  /** The automation controller (AWX REST API subset) on the same port. */
  controller: SandboxController;
  stateDir: string;
  close(): Promise<void>;
};
