import type { HubSetupError } from "@hub-setup/core";
import type { Prompter, Spinner } from "../../prompter/prompter.js";
import type { HubKind, StoreChoice } from "./options.js";
import type { Style } from "./style.js";

/**
 * What the wizard needs from the outside world, and nothing more. real-ports.ts builds these from
 * @hub-setup/core/node; unit tests pass fakes (an in-memory store, a scripted hub check).
 */

/** One file Ansible could read, and why it was or was not chosen. */
export type ConfigCandidate = { path: string; chosen: boolean; reason: string };

export type ConfigDiscovery = {
  /** The file Ansible reads here; undefined when it reads none. */
  path: string | undefined;
  candidates: ConfigCandidate[];
  warnings: string[];
};

/** A file's text and what it looked like when read (the write fails if it changed since). */
export type ConfigFile = { text: string; snapshot: unknown };

export type HubTarget = { kind: HubKind; url: string; authUrl?: string; clientId?: string };

export type CheckResult =
  { ok: true; detail?: string } | { ok: false; message: string; error: HubSetupError; expectedUrl?: string };

/** The secret store, keyed by galaxy server id. */
export type TokenStore = {
  backend: string;
  /** A path or a keyring service name: printable, never secret. */
  location: string;
  get: (id: string) => Promise<string | undefined>;
  set: (id: string, token: string) => Promise<void>;
  delete: (id: string) => Promise<void>;
};

export type StoreBackend = Exclude<StoreChoice, "plaintext">;

export type SetupPorts = {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  home: string;
  discoverConfig: () => Promise<ConfigDiscovery>;
  readConfig: (path: string) => Promise<ConfigFile | undefined>;
  /**
   * Atomic, with a backup of the old file; refuses when the file changed since `expected` was read.
   * `holdsSecret` (a plaintext token was chosen): the file and its backup are made 0600.
   */
  writeConfig: (
    path: string,
    text: string,
    expected: ConfigFile | undefined,
    options?: { holdsSecret?: boolean },
  ) => Promise<{ backupPath?: string }>;
  /** "2.14.18", or undefined when ansible-core is not installed. */
  ansibleVersion: () => Promise<string | undefined>;
  /** Where each store backend would keep tokens, or why it cannot be used. Writes nothing. */
  probeStore: (
    backend: StoreBackend,
  ) => Promise<{ ok: true; location: string } | { ok: false; reason: string }>;
  /** Opens (and may create) the store: called only after the final confirm. */
  openStore: (backend: StoreBackend) => Promise<TokenStore>;
  /** Records that the offline token was just refreshed (the live check did it), for `status`' idle countdown. */
  recordRefresh: (serverId: string, token: string, at: Date) => Promise<void>;
  /** Checks the hub live with the token (for the cloud, after exchanging it at auth_url). */
  verify: (server: HubTarget, token: string, signal: AbortSignal) => Promise<CheckResult>;
  readStdin: () => Promise<string>;
  /** Whether cwd is inside a git work tree (to offer the pre-commit hook). */
  inGitRepo: () => Promise<boolean>;
  /** Runs `hub-setup schedule` (installs the weekly refresh); returns its exit code. */
  installSchedule: () => Promise<number>;
  /** Installs hub-token-check as a git pre-commit hook; undefined when hub-token-check is not available. */
  installHook: () => Promise<number | undefined>;
};

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

export type SetupDeps = {
  prompter: Prompter;
  spinner: Spinner;
  ports: SetupPorts;
  style: Style;
  print: (text: string) => void;
  signal: AbortSignal;
  now: () => Date;
  defaults?: SetupDefaults;
};
