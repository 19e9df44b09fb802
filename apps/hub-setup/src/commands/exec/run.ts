import { constants } from "node:os";
import { HubSetupError } from "@hub-setup/core";
import { EXIT } from "../../exit-codes.js";
import { safeArg } from "../../safe-arg.js";
import { parseFlags, usageError } from "../../flags.js";
import type { Env, SpawnPort } from "../../ports.js";
import type { Prompter } from "../../prompter/prompter.js";
import { tokenLeakingDebug } from "./node-debug.js";
import { EXEC } from "../specs.js";
import { tokenEnvironment, withheldMessage } from "../../servers/token-env.js";
import { loadWorkspace, rebindNow, type WorkspacePorts } from "../../servers/workspace.js";

export type ExecDeps = WorkspacePorts & {
  env: Env;
  cwd: string;
  spawn: SpawnPort;
  signal: AbortSignal;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The terminal's questions (see prompter/may-prompt.ts); undefined: never ask. */
  prompter?: Prompter | undefined;
};

/** `hub-setup exec -- cmd args…` (also without `--`): the command and its arguments. */
export function parseExecArgv(
  argv: readonly string[],
): { help: true } | { help: false; command: string[]; allowNewOrigin: boolean; noInteractive: boolean } {
  const [first] = argv;
  if (
    first !== undefined &&
    first !== "--" &&
    first.startsWith("-") &&
    first !== "-h" &&
    first !== "--help" &&
    first !== "--allow-new-origin" &&
    first !== "--no-interactive"
  ) {
    throw usageError(EXEC, `unknown flag ${safeArg(first)}; put the command after \`--\``);
  }
  const { values, rest } = parseFlags(EXEC, argv);
  if (values.help === true) return { help: true };
  if (rest.length === 0)
    throw usageError(EXEC, "no command given (e.g. `hub-setup exec -- ansible-galaxy …`)");
  return {
    help: false,
    command: rest,
    allowNewOrigin: values["allow-new-origin"] === true,
    noInteractive: values["no-interactive"] === true,
  };
}

/** The exit code a shell would report: the child's own, or 128 + the signal that killed it. */
export function exitStatusOf(exit: { code: number | null; signal: NodeJS.Signals | null }): number {
  if (exit.code != null) return exit.code;
  const number = exit.signal == null ? undefined : constants.signals[exit.signal];
  return number === undefined ? EXIT.ERROR : 128 + number;
}

function signalName(reason: unknown): NodeJS.Signals {
  return reason === "SIGINT" || reason === "SIGHUP" || reason === "SIGQUIT" ? reason : "SIGTERM";
}

export async function runExec(argv: readonly string[], deps: ExecDeps): Promise<number> {
  const parsed = parseExecArgv(argv);
  if (parsed.help) {
    deps.stdout(EXEC.usage);
    return EXIT.OK;
  }
  const workspace = await loadWorkspace(deps, {
    allowNewOrigin: parsed.allowNewOrigin,
    prompter: parsed.noInteractive ? undefined : deps.prompter,
    bindsAt: "now",
  });
  const { variables, notes, withheld } = tokenEnvironment(workspace.views, workspace.storedIds, deps.env);
  for (const note of notes) deps.stderr(`hub-setup exec: ${note}\n`);
  await rebindNow(workspace, (text) => deps.stderr(`hub-setup exec: ${text}`));
  if (deps.signal.aborted) return EXIT.CANCELLED;
  const leak = variables.length > 0 ? tokenLeakingDebug(deps.env) : undefined;
  if (leak !== undefined) {
    throw new HubSetupError("USAGE", leak, {
      hint: "unset NODE_DEBUG (or leave child_process out of it) and run again",
    });
  }
  if (withheld.length > 0) {
    deps.stderr(`hub-setup exec: ${withheldMessage(withheld, "the command was not started")}\n`);
    return EXIT.CONFIG;
  }

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(deps.env)) if (v !== undefined) env[k] = v;
  for (const v of variables) env[v.name] = v.value;

  const [command, ...args] = parsed.command as [string, ...string[]];
  const child = deps.spawn(command, args, { env, cwd: deps.cwd });
  const forward = () => child.kill(signalName(deps.signal.reason));
  deps.signal.addEventListener("abort", forward, { once: true });
  if (deps.signal.aborted) forward();
  try {
    const exit = await child.exited;
    if (exit.kind === "error") {
      const notFound = exit.errno === "ENOENT";
      deps.stderr(
        `hub-setup exec: ${notFound ? "command not found" : "cannot run"}: ${safeArg(command)} (${safeArg(exit.message)})\n`,
      );
      return notFound ? 127 : 126;
    }
    return exitStatusOf(exit);
  } finally {
    deps.signal.removeEventListener("abort", forward);
  }
}
