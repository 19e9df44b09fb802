import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "shell-init bash|zsh|fish [--install | --remove] [--rc FILE]";

/** `hub-setup shell-init`: its flags and usage, declared once (the registry and the parser read them). */
export const SHELL_INIT = {
  name: "shell-init",
  synopsis: SYNOPSIS,
  summary: "shell functions so plain ansible-galaxy (and friends) get the tokens, and nothing else does",
  usage: `${usageCall(SYNOPSIS)}

Prints shell functions named ansible-galaxy, ansible-builder, ansible-navigator and ansible-playbook
that run the real command through \`hub-setup exec\`: only those processes receive the tokens, never
the shell or anything else it starts. Plain \`ansible-galaxy collection install …\` then works with the
token kept out of ansible.cfg.

  eval "$(hub-setup shell-init bash)"   try it in this shell only
  hub-setup shell-init bash --install   add it to ~/.bashrc (a marked block; a second run changes
                                        nothing; atomic, with a backup of the old file)
  --remove                              take the marked block out again
  --rc FILE                             another file than ~/.bashrc, \${ZDOTDIR:-~}/.zshrc, or
                                        ~/.config/fish/conf.d/hub-setup.fish

Exit codes: 0 printed, installed, already installed, removed · 2 unknown shell or conflicting flags ·
5 the rc file cannot be written (changed meanwhile, locked, not writable).
`,
  flags: {
    install: { type: "boolean" },
    remove: { type: "boolean" },
    rc: { type: "string" },
  },
} as const satisfies CommandSpec;
