/**
 * hub-setup's one vocabulary of ports: the small interfaces the commands depend on. adapters/ builds
 * the real ones from @hub-setup/core/node and Node's built-ins; unit tests pass fakes. Nothing here
 * does I/O. Where core has the type, it is core's.
 */
import type { BindingCheck, HubServer, HubSetupError, SecretFinding, TokenBinding } from "@hub-setup/core";
import type { ConfigCandidate, ConfigDiscovery, ConsumerRecord, StoredEntry } from "@hub-setup/core/node";

export type { ConfigCandidate, ConfigDiscovery, StoredEntry, TokenBinding };

/** Environment variables, as a command sees them (ctx.io.env). */
export type Env = Readonly<Record<string, string | undefined>>;

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
  /** Its settings in ansible.cfg that core's secrets detector calls a plaintext secret. */
  plaintextInFile: PlaintextKey[];
};

/** A server setting that holds a secret. */
export type PlaintextKey = "token" | "password";

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
  /**
   * The secrets core's detector finds in ansible.cfg that are no server's live token or password
   * (commented out, another section, another key): where, what and redacted, never the secret.
   */
  secretsElsewhere: SecretFinding[];
};

/** A file's text and what it looked like when read (the write fails if it changed since). */
export type ConfigFile = {
  text: string;
  snapshot: unknown;
  /** No write permission for anyone (0444): the wizard refuses to replace it. */
  readOnly?: boolean;
};

/** The secret store (core's SecretStore), keyed by galaxy server id. */
export type TokenStore = {
  backend: string;
  /** A path or keyring service name: printable, never secret. */
  location: string;
  get: (id: string) => Promise<string | undefined>;
  list: () => Promise<string[]>;
  set: (id: string, token: string, binding?: TokenBinding) => Promise<void>;
  delete: (id: string) => Promise<void>;
  /** Stores a token and returns what it replaced, in one step under the store's lock. */
  swap: (id: string, token: string, binding?: TokenBinding) => Promise<StoredEntry | undefined>;
  /** Puts `previous` back only if the store still holds exactly `wrote` (undefined: nothing); false if not. */
  restore: (id: string, wrote: string | undefined, previous: StoredEntry | undefined) => Promise<boolean>;
  /** Where this stored token was verified (undefined: not recorded). */
  binding: (id: string, token: string) => Promise<TokenBinding | undefined>;
  /** Binds the stored token to new origins, only if the store still holds `token`. */
  bind: (id: string, token: string, binding: TokenBinding) => Promise<boolean>;
  /**
   * The stored token for `id` and whether it may go where the server now points (`current`: its url and
   * auth_url origins), judged by core's checkBinding; undefined when the store holds none.
   */
  lookup: (id: string, current: TokenBinding | undefined) => Promise<StoredLookup | undefined>;
};

export type StoredLookup = { token: string; check: BindingCheck };

/** What status, refresh, exec and env read of the store (and `bind`, for --allow-new-origin). */
export type TokenReader = Pick<TokenStore, "backend" | "location" | "get" | "list" | "lookup" | "bind">;

/** What the wizard uses of the store. */
export type TokenWriter = Pick<
  TokenStore,
  "backend" | "location" | "get" | "swap" | "restore" | "delete" | "binding"
>;

/** Where the wizard may put a token: a store backend, or plaintext in ansible.cfg. */
export type StoreChoice = "keyring" | "file" | "plaintext";

export type StoreBackend = Exclude<StoreChoice, "plaintext">;

/** When each offline token was last refreshed successfully (never the token itself). */
export type RefreshState = {
  lastRefresh: (serverId: string, fingerprint: string) => Promise<Date | undefined>;
  recordRefresh: (serverId: string, fingerprint: string, at: Date) => Promise<void>;
};

/** What a configured server is: core's hub kinds, or a plain Galaxy server. */
export type ServerKind = HubServer["kind"] | "galaxy";

/** A hub to check live: core's HubServer, any server kind, and whether to verify its certificate. */
export type HubTarget = Omit<HubServer, "kind"> & { kind: ServerKind; validateCerts?: boolean };

/** A live check's answer; a failure carries core's outcome and error (its code gives the exit code). */
export type CheckResult =
  | { ok: true; detail?: string }
  | { ok: false; outcome: string; message: string; error: HubSetupError; expectedUrl?: string };

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

/** How a child started by `exec` ended: it exited (or was killed by a signal), or never started. */
export type ChildExit =
  | { kind: "exit"; code: number | null; signal: NodeJS.Signals | null }
  | { kind: "error"; errno: string; message: string };

export type RunningChild = { exited: Promise<ChildExit>; kill: (signal: NodeJS.Signals) => void };

/** Starts a child with the terminal (exec). */
export type SpawnPort = (
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string },
) => RunningChild;

/** A finished external command; code 127 when it is not installed. */
export type RunResult = { code: number; stdout: string; stderr: string };

/** Runs systemctl or crontab without a shell; `input` is written to its stdin. */
export type CommandRunner = (command: string, args: readonly string[], input?: string) => Promise<RunResult>;

/** The few file operations schedule needs; writes are atomic (temp file + rename) and create folders. */
export type ScheduleFiles = {
  read: (path: string) => Promise<string | undefined>;
  writeAtomic: (path: string, text: string) => Promise<void>;
  remove: (path: string) => Promise<void>;
};

/** The absolute command that runs this hub-setup: node's path and its script (bin.ts finds it). */
export type SelfCommand = { node: string; script: string };

/** Values the demo pre-fills (the sandbox's addresses) instead of Red Hat's. */
export type SetupDefaults = {
  cloudUrl?: string;
  authUrl?: string;
  privateUrl?: string;
  /** The collection named in the final "try it" line. */
  tryCollection?: string;
  /** Store backends the person may pick (the demo never offers the real keyring). */
  stores?: readonly StoreChoice[];
};

/** The files of an EE build context and the private temp folders `ee` works in (adapters/ee-files.ts). */
export type EeFiles = {
  /** The context's Containerfile (else Dockerfile): its name and text; undefined when it has neither. */
  readContainerfile: (contextDir: string) => Promise<{ name: string; text: string } | undefined>;
  /** Every text file under the folder (paths relative to it), as the detector reads it; real binaries skipped. */
  readRiskFiles: (contextDir: string) => Promise<Array<{ path: string; text: string }>>;
  /** A new folder under the system's temp folder that only this user can enter (0700). */
  makePrivateDir: (prefix: string) => Promise<string>;
  /** Copies a folder (modes, times and symlinks kept) to `to`, which must not exist yet. */
  copyTree: (from: string, to: string) => Promise<void>;
  /** Writes a file with this mode (also when it already existed). */
  writeFile: (path: string, text: string, mode: number) => Promise<void>;
  /** Whether a path exists, and when it is a folder whether it holds anything. */
  stat: (path: string) => Promise<{ exists: false } | { exists: true; dir: boolean; empty: boolean }>;
  /** Removes a file or folder and everything in it; no error when it is already gone. */
  remove: (path: string) => Promise<void>;
};

export type RuntimeName = "buildah" | "podman" | "docker";

/** What `<runtime> --version` said (and for docker whether `docker buildx version` works: BuildKit). */
export type RuntimeProbe =
  | { name: RuntimeName; found: false }
  | { name: RuntimeName; found: true; versionText: string; buildkit?: boolean };

/** The container runtimes `ee build` may use (adapters/container-runtime.ts). */
export type ContainerRuntimes = {
  probe: (name: RuntimeName) => Promise<RuntimeProbe>;
  /**
   * Runs a build with its output on our stderr. `signal` stops it (SIGTERM, then SIGKILL if it lingers);
   * resolves only once the child has exited, so nothing of it still reads our temp files.
   */
  build: (command: string, args: readonly string[], signal: AbortSignal) => Promise<ChildExit>;
  /** Writes the image `tag` as an OCI layout (or an unpacked `docker save`) into the empty folder `dir`. */
  exportImage: (name: RuntimeName, tag: string, dir: string, signal: AbortSignal) => Promise<RunResult>;
};

/** Where a needle was found in an exported image (core's ImageScan): never the needle itself. */
export type ImageScanPort = (
  dir: string,
  needles: readonly string[],
) => Promise<{
  findings: Array<{ blob: string; kind: string; needle: number; inConfig?: string[] }>;
  counts: Record<"index" | "manifest" | "config" | "layer" | "other", number>;
}>;

/** How hub-setup signs in to a controller, as the controller tools do (CONTROLLER_OAUTH_TOKEN, or user and password). */
export type ControllerAuth =
  { kind: "bearer"; token: string } | { kind: "basic"; username: string; password: string };

/** A controller (CONTROLLER_HOST), its sign-in, and whether to check its certificate. */
export type ControllerTarget = { url: string; auth: ControllerAuth; verifySsl: boolean };

/** The inputs of a "Ansible Galaxy/Automation Hub API Token" credential (auth_url only for Red Hat SSO). */
export type GalaxyInputs = { url: string; auth_url?: string; token: string };

export type ControllerCredential = { id: number; name: string; organization: number | null };

/** The controller's REST API, the part Galaxy credentials need (adapters/controller.ts). */
export type ControllerApi = {
  /** The API root in use: …/api/controller/v2/ (AAP 2.5+ gateway) or …/api/v2/. */
  root: () => Promise<string>;
  /** Fails with the controller's 401 when the sign-in is refused. */
  signIn: () => Promise<void>;
  galaxyCredentialType: () => Promise<number>;
  findOrganization: (name: string) => Promise<{ id: number; name: string }>;
  findCredentials: (
    name: string,
    credentialType: number,
    organization?: number,
  ) => Promise<ControllerCredential[]>;
  getCredential: (id: number) => Promise<ControllerCredential>;
  createCredential: (c: {
    name: string;
    description: string;
    organization: number;
    credentialType: number;
    inputs: GalaxyInputs;
  }) => Promise<ControllerCredential>;
  updateCredential: (id: number, inputs: GalaxyInputs) => Promise<void>;
  /** The organisation's Galaxy credential ids, in order (the order project updates search them). */
  galaxyCredentials: (organization: number) => Promise<number[]>;
  associate: (organization: number, credential: number) => Promise<void>;
  disassociate: (organization: number, credential: number) => Promise<void>;
};

/** A place hub-setup pushed a server's token to, remembered (never the token) so a new token follows. */
export type Consumer = ConsumerRecord;

/** The remembered consumers, in the state file beside the refresh times. */
export type ConsumerState = {
  list: () => Promise<Consumer[]>;
  remember: (consumer: Consumer) => Promise<void>;
};
