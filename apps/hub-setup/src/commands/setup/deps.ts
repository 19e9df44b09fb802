import type { AppContext } from "../../context.js";
import { inquirerPrompter } from "../../prompter/inquirer.js";
import type { Prompter } from "../../prompter/prompter.js";
import { createSpinner } from "../../prompter/spinner.js";
import { noPrompter } from "../../prompter/no-prompter.js";
import type { SetupOptions } from "./options.js";
import type {
  CheckResult,
  ConfigDiscovery,
  ConfigFile,
  Env,
  HubTarget,
  SetupDefaults,
  StoreBackend,
  TokenWriter,
} from "../../ports.js";
import { colourWanted, makeStyle, type Style } from "./style.js";
import type { Spinner } from "../../prompter/prompter.js";

/**
 * What the wizard needs from the outside world, and nothing more. real-ports.ts builds these from
 * adapters/; unit tests pass fakes (an in-memory store, a scripted hub check).
 */
export type SetupPorts = {
  env: Env;
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
  openStore: (backend: StoreBackend) => Promise<TokenWriter>;
  /** Records that the offline token was just refreshed (the live check did it), for `status`' idle countdown. */
  recordRefresh: (serverId: string, token: string, at: Date) => Promise<void>;
  /** Checks the hub live with the token (for the cloud, after exchanging it at auth_url). */
  verify: (server: HubTarget, token: string, signal: AbortSignal) => Promise<CheckResult>;
  /**
   * Which schemes answer at `hostPort` (an address given without https:// or http://): any HTTP answer
   * counts, no token is sent. Used only to say "did you mean http://…" before the live check.
   */
  probeSchemes: (hostPort: string, signal: AbortSignal) => Promise<{ https: boolean; http: boolean }>;
  /** `namespace.name` of one collection the server lists (for "Try it"), or undefined; never throws. */
  sampleCollection: (server: HubTarget, token: string, signal: AbortSignal) => Promise<string | undefined>;
  readStdin: () => Promise<string>;
  /** Whether cwd is inside a git work tree (to offer the pre-commit hook). */
  inGitRepo: () => Promise<boolean>;
  /** Runs `hub-setup schedule` (installs the weekly refresh); returns its exit code. */
  installSchedule: () => Promise<number>;
  /** The shell named by $SHELL when shell-init knows it (bash, zsh, fish), else undefined. */
  loginShell: () => "bash" | "zsh" | "fish" | undefined;
  /** Runs `hub-setup shell-init <shell> --install` (the marked block in the rc file); its exit code. */
  installShellInit: (shell: "bash" | "zsh" | "fish") => Promise<number>;
  /**
   * How this repository already runs hub-token-check: "hook" (a git hook that names it), "framework"
   * (.pre-commit-config.yaml names it), "framework-without" (the pre-commit framework is used, without
   * it), or "none".
   */
  hookState: () => Promise<"hook" | "framework" | "framework-without" | "none">;
  /** Installs hub-token-check as a git pre-commit hook; undefined when hub-token-check is not available. */
  installHook: () => Promise<number | undefined>;
  /**
   * A server's token was just written: every place hub-setup pushed it to (controller credentials)
   * gets the new one, best effort; one report per place (consumers/follow.ts `tokenReplaced`).
   */
  tokenStored: (
    server: { id: string; url: string; authUrl?: string | undefined },
    token: string,
  ) => Promise<Array<{ ok: boolean; message: string }>>;
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

/** The wizard's dependencies for a real run: inquirer in a terminal, the real ports, colour when wanted. */
export function setupDeps(
  ctx: AppContext,
  opts: SetupOptions,
  ports: SetupPorts,
  defaults?: SetupDefaults,
): SetupDeps {
  const terminal = ctx.io.isInteractiveTerminal;
  const deps: SetupDeps = {
    prompter: opts.interactive ? inquirerPrompter({ input: ctx.io.stdin, signal: ctx.signal }) : noPrompter,
    spinner: createSpinner(ctx.io.stdout, terminal),
    ports,
    style: makeStyle(colourWanted(terminal, ports.env)),
    print: ctx.io.stdout,
    signal: ctx.signal,
    now: ctx.now,
  };
  return defaults === undefined ? deps : { ...deps, defaults };
}
