import { HubSetupError, serverIdProblem, type HubKind } from "@hub-setup/core";
import { parseFlags, usageError } from "../../flags.js";
import type { StoreChoice } from "../../ports.js";
import { safeArg } from "../../safe-arg.js";
import { SETUP } from "../specs.js";
import { REPOSITORIES, type Repository } from "../../servers/hub-repositories.js";

export type { HubKind };
export type { Repository };
export type { StoreChoice };

/** Every answer the wizard needs; undefined means "ask" (or, without a terminal, a usage error). */
export type SetupOptions = {
  /** Decided once: prompting is allowed. */
  interactive: boolean;
  hubs: HubKind[] | undefined;
  /** --url values, in the order of --hub (one --url with two hubs is the private hub's). */
  urls: string[];
  authUrl: string | undefined;
  repositories: Repository[] | undefined;
  serverId: string | undefined;
  tokenStdin: boolean;
  store: StoreChoice | undefined;
  configPath: string | undefined;
  /** Accept the diff and replace a server with the same id without asking. */
  yes: boolean;
  /** --schedule / --no-schedule: install the keep-alive timer now (undefined: ask, or just print it). */
  schedule: boolean | undefined;
  /** --pre-commit / --no-pre-commit: install the git hook now (undefined: ask, or just print it). */
  preCommit: boolean | undefined;
  /** --shell-init / --no-shell-init: add the shell functions to the rc file (undefined: ask, or print how). */
  shellInit: boolean | undefined;
  /** --order first|last: where new servers go in server_list (undefined: ask, or last). */
  order: "first" | "last" | undefined;
  help: boolean;
};

export const HUB_KINDS: readonly HubKind[] = ["cloud", "private"];
export const STORES: readonly StoreChoice[] = ["keyring", "file", "plaintext"];

function usage(message: string, hint?: string): HubSetupError {
  return usageError(SETUP, message, hint);
}

/** A flag that would put a secret in argv (ps, shell history, CI logs) is refused before parsing. */
function refuseTokenOnArgv(argv: readonly string[]): void {
  const flag = argv.find((a) => /^--(token|api-key|password)(=|$)/.test(a));
  if (flag === undefined) return;
  const name = flag.split("=")[0];
  throw usage(
    `${name} is not accepted: a token on the command line is visible to every user of this machine (ps) and stays in your shell history`,
    "pipe it in with --token-stdin, or set HUB_SETUP_TOKEN in the environment",
  );
}

function pick<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usage(`--${flag} ${JSON.stringify(safeArg(String(value)))} is not one of ${allowed.join(", ")}`);
}

function pair(on: boolean | undefined, off: boolean | undefined, name: string): boolean | undefined {
  if (on === true && off === true) throw usage(`--${name} and --no-${name} contradict each other`);
  return on === true ? true : off === true ? false : undefined;
}

function hubsFrom(values: readonly string[] | undefined): HubKind[] | undefined {
  if (values === undefined) return undefined;
  const hubs = new Set<HubKind>();
  for (const value of values.flatMap((v) => v.split(","))) {
    if (value === "both") HUB_KINDS.forEach((h) => hubs.add(h));
    else hubs.add(pick("hub", value, HUB_KINDS));
  }
  return HUB_KINDS.filter((h) => hubs.has(h));
}

// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\x00-\x1f\x7f-\x9f]/g;

/**
 * A URL never holds a control character; echoed raw, a newline or an escape sequence would forge lines
 * (or terminal output) in a log. Refused, with the value on one line: each one escaped, tokens redacted.
 */
function refuseControlCharacters(flag: string, values: readonly string[] | undefined): void {
  for (const value of values ?? []) {
    if (value.search(CONTROL) === -1) continue;
    const escaped = value.replace(CONTROL, (c) => {
      const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
      return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
    });
    throw usage(
      `${flag} "${safeArg(escaped)}": a URL holds no control character (a newline, a tab, an escape)`,
      "give the URL on one line, as the browser shows it",
    );
  }
}

/** argv (after `setup`) → SetupOptions. `terminal`: stdin and stdout are both terminals. */
export function parseSetupArgs(argv: readonly string[], terminal: boolean): SetupOptions {
  refuseTokenOnArgv(argv);
  const { values } = parseFlags(SETUP, argv);
  const wantsInteractive = pair(values.interactive, values["no-interactive"], "interactive");
  if (wantsInteractive === true && !terminal) {
    throw usage(
      "--interactive needs a terminal (stdin and stdout), and this is not one",
      "drop --interactive, or run hub-setup in a terminal",
    );
  }
  const tokenStdin = values["token-stdin"] === true;
  if (wantsInteractive === true && tokenStdin) {
    throw usage("--token-stdin reads stdin, which the questions need: use it with --no-interactive");
  }
  const serverId = values["server-id"];
  const problem = serverId === undefined ? undefined : serverIdProblem(serverId);
  if (problem !== undefined) {
    throw usage(
      `--server-id ${JSON.stringify(safeArg(String(serverId)))}: ${problem.reason}`,
      `use --server-id ${problem.suggestion}`,
    );
  }
  refuseControlCharacters("--url", values.url);
  refuseControlCharacters("--auth-url", values["auth-url"] === undefined ? undefined : [values["auth-url"]]);
  const hubs = hubsFrom(values.hub);
  const urls = values.url ?? [];
  if (urls.length > Math.max(hubs?.length ?? 1, 1)) {
    throw usage(
      `${urls.length} --url values for ${hubs?.length ?? 1} hub(s): give one --url per --hub, in the same order`,
    );
  }
  return {
    interactive: wantsInteractive ?? (terminal && !tokenStdin),
    hubs,
    urls,
    authUrl: values["auth-url"],
    repositories: values.repository?.map((r) => pick("repository", r, REPOSITORIES)),
    serverId,
    tokenStdin,
    store: values.store === undefined ? undefined : pick("store", values.store, STORES),
    configPath: values.config,
    yes: values.yes === true,
    schedule: pair(values.schedule, values["no-schedule"], "schedule"),
    preCommit: pair(values["pre-commit"], values["no-pre-commit"], "pre-commit"),
    shellInit: pair(values["shell-init"], values["no-shell-init"], "shell-init"),
    order: values.order === undefined ? undefined : pick("order", values.order, ["first", "last"] as const),
    help: values.help === true,
  };
}

/** The usage error for an answer that only a question could have given; `what` says what is missing. */
export function missingAnswer(what: string, flag: string): HubSetupError {
  return new HubSetupError("USAGE", `${what}: pass ${flag}`, {
    hint: "hub-setup never asks questions without a terminal or with --no-interactive",
  });
}
