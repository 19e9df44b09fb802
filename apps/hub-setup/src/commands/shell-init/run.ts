import { join } from "node:path";
import { parseFlags, usageError } from "../../flags.js";
import type { ConfigFile, Env, SelfCommand } from "../../ports.js";
import { safeArg } from "../../safe-arg.js";
import { SHELL_INIT } from "../specs.js";
import { INIT_SHELLS, renderInit, withBlock, type InitShell } from "./render.js";

export type ShellInitDeps = {
  env: Env;
  home: string;
  self: SelfCommand;
  readFile: (path: string) => Promise<ConfigFile | undefined>;
  /** Atomic, with a backup of the old file; refuses when it changed since read. Creates no folders. */
  writeFile: (
    path: string,
    text: string,
    expected: ConfigFile | undefined,
  ) => Promise<{ backupPath?: string }>;
  makeFolder: (path: string) => Promise<void>;
  stdout: (text: string) => void;
};

/** Where each shell reads its start-up lines (fish: a file of our own in conf.d). */
export function rcFile(shell: InitShell, env: Env, home: string): string {
  if (shell === "bash") return join(home, ".bashrc");
  if (shell === "zsh") {
    const zdot = env["ZDOTDIR"];
    return join(zdot !== undefined && zdot !== "" ? zdot : home, ".zshrc");
  }
  const xdg = env["XDG_CONFIG_HOME"];
  return join(
    xdg !== undefined && xdg !== "" ? xdg : join(home, ".config"),
    "fish",
    "conf.d",
    "hub-setup.fish",
  );
}

/** The shell named by $SHELL, when it is one shell-init knows. */
export function shellFromEnv(env: Env): InitShell | undefined {
  const name = (env["SHELL"] ?? "").split("/").pop() ?? "";
  return (INIT_SHELLS as readonly string[]).includes(name) ? (name as InitShell) : undefined;
}

/** `hub-setup shell-init <shell> [--install|--remove] [--rc FILE]`. */
export async function runShellInit(argv: string[], deps: ShellInitDeps): Promise<number> {
  // The shell is the one positional word; the strict parser checks every flag around it.
  const rest = argv.filter((arg, i) => !arg.startsWith("-") && argv[i - 1] !== "--rc");
  const { values } = parseFlags(
    SHELL_INIT,
    argv.filter((arg, i) => arg.startsWith("-") || argv[i - 1] === "--rc"),
  );
  if (values.help === true) {
    deps.stdout(SHELL_INIT.usage);
    return 0;
  }
  const [name, ...extra] = rest;
  if (name === undefined || !(INIT_SHELLS as readonly string[]).includes(name) || extra.length > 0) {
    throw usageError(
      SHELL_INIT,
      name === undefined
        ? "which shell? bash, zsh or fish"
        : `${safeArg(JSON.stringify([name, ...extra].join(" ")))} is not one of bash, zsh, fish`,
    );
  }
  const shell = name as InitShell;
  if (values.install === true && values.remove === true)
    throw usageError(SHELL_INIT, "--install and --remove contradict each other");
  const block = renderInit(shell, deps.self);
  if (values.install !== true && values.remove !== true) {
    if (values.rc !== undefined) throw usageError(SHELL_INIT, "--rc goes with --install or --remove");
    deps.stdout(block);
    return 0;
  }
  const path = values.rc ?? rcFile(shell, deps.env, deps.home);
  const before = await deps.readFile(path);
  const after = withBlock(before?.text ?? "", values.remove === true ? undefined : block);
  if (after === (before?.text ?? "")) {
    deps.stdout(
      values.remove === true
        ? `${path} has no hub-setup block: nothing to remove\n`
        : `${path} already has this hub-setup block: nothing changed\n`,
    );
    return 0;
  }
  if (before === undefined) await deps.makeFolder(join(path, ".."));
  const written = await deps.writeFile(path, after, before);
  const kept = written.backupPath === undefined ? "" : ` (the old one is kept as ${written.backupPath})`;
  if (values.remove === true) {
    deps.stdout(`Removed the hub-setup block from ${path}${kept}. Open a new shell for it to take effect.\n`);
  } else {
    deps.stdout(
      `Added the hub-setup block to ${path}${kept}.\nIn a new shell (or after \`source ${path}\`), plain ansible-galaxy, ansible-builder,\nansible-navigator and ansible-playbook get the tokens from hub-setup's store; nothing else does.\n`,
    );
  }
  return 0;
}
