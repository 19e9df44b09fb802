import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "env [--shell sh|fish|powershell] [--allow-new-origin] [--no-interactive]";

/** `hub-setup env`: its flags and usage, declared once (the registry and the parser read them). */
export const ENV = {
  name: "env",
  synopsis: SYNOPSIS,
  summary: "print the lines that set the token variables, for your shell",
  usage: `${usageCall(SYNOPSIS)}

Prints the lines that set ANSIBLE_GALAXY_SERVER_<ID>_TOKEN, from hub-setup's store, for every server
the ansible.cfg read here lists (the same variables \`hub-setup exec\` adds). They hold secrets: load
them into the current shell rather than saving them anywhere.

  sh, bash, zsh:  eval "$(hub-setup env)"
  fish:           hub-setup env --shell fish | source
  PowerShell:     hub-setup env --shell powershell | Out-String | Invoke-Expression

--shell defaults to fish or powershell when $SHELL names one, else sh. A stored token is printed only
for a server whose url and auth_url origins are those it was verified against (else a warning).

  --allow-new-origin  send stored tokens to servers whose url or auth_url origin is not where the token
                      was verified (a moved hub), and bind them there (see docs: token binding)
  --no-interactive    never ask; without it, in a terminal, a stored token withheld because its server
                      moved is sent there (the question goes to stderr, never stdout) if you answer yes
`,
  flags: {
    shell: { type: "string" },
    "allow-new-origin": { type: "boolean" },
    "no-interactive": { type: "boolean" },
  },
} as const satisfies CommandSpec;
