import type { CommandSpec } from "../../flags.js";

/** `hub-setup exec`: its flags and usage, declared once (the registry and the parser read them). */
export const EXEC = {
  name: "exec",
  synopsis: "exec -- <command>",
  summary: "run a command with the tokens in its environment",
  usage: `Usage: hub-setup exec [--] <command> [args…]

Runs <command> with ANSIBLE_GALAXY_SERVER_<ID>_TOKEN set, from hub-setup's store, for every server
the ansible.cfg read here lists. A variable already set in your environment wins. The command's exit
code is hub-setup's; killed by a signal, it is 128 + the signal number. SIGINT and SIGTERM are passed on.

Example: hub-setup exec -- ansible-galaxy collection install ansible.posix
`,
  flags: {},
  positionals: "command",
} as const satisfies CommandSpec;
