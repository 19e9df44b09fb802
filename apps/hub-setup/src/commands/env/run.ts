import { EXIT } from "../../exit-codes.js";
import { safeArg } from "../../safe-arg.js";
import { parseFlags, usageError } from "../../flags.js";
import { assignmentLine, canAssign, defaultShell, SHELLS, type Shell } from "../../shell/quote.js";
import { ENV } from "../specs.js";
import { tokenEnvironment, withheldMessage } from "../../servers/token-env.js";
import { loadWorkspace, rebindNow, type WorkspacePorts } from "../../servers/workspace.js";
import type { Env } from "../../ports.js";
import type { Prompter } from "../../prompter/prompter.js";

export type EnvDeps = WorkspacePorts & {
  env: Env;
  stdoutIsTerminal: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The terminal's questions, written to stderr (see prompter/may-prompt.ts); undefined: never ask. */
  prompter?: Prompter | undefined;
};

function parseShell(value: string | undefined, env: EnvDeps["env"]): Shell {
  if (value === undefined) return defaultShell(env);
  const shell = SHELLS.find((s) => s === value);
  if (shell === undefined)
    throw usageError(ENV, `--shell must be one of ${SHELLS.join(", ")}, not "${safeArg(value)}"`);
  return shell;
}

export async function runEnv(argv: readonly string[], deps: EnvDeps): Promise<number> {
  const { values: flags } = parseFlags(ENV, argv);
  if (flags.help === true) {
    deps.stdout(ENV.usage);
    return EXIT.OK;
  }
  const shell = parseShell(typeof flags.shell === "string" ? flags.shell : undefined, deps.env);
  const workspace = await loadWorkspace(deps, {
    allowNewOrigin: flags["allow-new-origin"] === true,
    prompter: flags["no-interactive"] === true ? undefined : deps.prompter,
    bindsAt: "now",
  });
  const { variables, notes, withheld } = tokenEnvironment(workspace.views, workspace.storedIds, deps.env);
  for (const note of notes) deps.stderr(`hub-setup env: ${note}\n`);
  await rebindNow(workspace, (text) => deps.stderr(`hub-setup env: ${text}`));
  if (withheld.length > 0) {
    deps.stderr(`hub-setup env: ${withheldMessage(withheld, "nothing is printed")}\n`);
    return EXIT.CONFIG;
  }

  const printable = variables.filter((v) => canAssign(shell, v.name));
  for (const v of variables) {
    if (!canAssign(shell, v.name)) {
      deps.stderr(
        `hub-setup env: skipped ${v.name}: ${shell} cannot set a variable with that name (rename server "${v.serverId}")\n`,
      );
    }
  }
  if (printable.length === 0) {
    deps.stderr(
      workspace.config.path === undefined
        ? "hub-setup env: no ansible.cfg is read here, so there is nothing to set; run `hub-setup` to set one up\n"
        : `hub-setup env: no server listed in ${workspace.config.path} has its token in hub-setup's store: nothing to set\n`,
    );
    return EXIT.OK;
  }
  const names = printable.map((v) => v.name).join(", ");
  deps.stderr(
    `hub-setup env: the lines on stdout contain secret tokens (${names}); load them with eval, do not save or share them\n`,
  );
  if (deps.stdoutIsTerminal) {
    deps.stderr(
      "hub-setup env: stdout is a terminal: the tokens are now on your screen and in its scrollback\n",
    );
  }
  deps.stdout(printable.map((v) => `${assignmentLine(shell, v.name, v.value)}\n`).join(""));
  return EXIT.OK;
}
