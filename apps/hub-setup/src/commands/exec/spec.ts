import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "exec [--allow-new-origin] [--no-interactive] [--] <command> [args…]";

/** `hub-setup exec`: its flags and usage, declared once (the registry and the parser read them). */
export const EXEC = {
  name: "exec",
  synopsis: SYNOPSIS,
  summary: "run a command with the tokens in its environment",
  usage: `${usageCall(SYNOPSIS)}

Runs <command> with ANSIBLE_GALAXY_SERVER_<ID>_TOKEN set, from hub-setup's store, for every server
the ansible.cfg read here lists. A variable already set in your environment wins. The command's exit
code is hub-setup's; killed by a signal, it is 128 + the signal number. SIGINT and SIGTERM are passed on.
A stored token is set only for a server whose url and auth_url origins are those it was verified
against; otherwise it is left out, with a warning naming both origins.

  --allow-new-origin  send stored tokens to servers whose url or auth_url origin is not where the token
                      was verified (a moved hub), and bind them there (see docs: token binding)
  --no-interactive    never ask; without it, in a terminal, a stored token withheld because its server
                      moved is sent there if you answer yes to the question naming both origins

Example: hub-setup exec -- ansible-galaxy collection install ansible.posix
`,
  flags: { "allow-new-origin": { type: "boolean" }, "no-interactive": { type: "boolean" } },
  positionals: "command",
} as const satisfies CommandSpec;
