import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "logout [--server ID | --all] [--remove-server | --keep-server]";

/** `hub-setup logout`: its flags and usage, declared once (the registry and the parser read them). */
export const LOGOUT = {
  name: "logout",
  synopsis: SYNOPSIS,
  summary: "remove a server's token from the store (and, if you say so, the server from ansible.cfg)",
  usage: `${usageCall(SYNOPSIS)}

Removes the token of a galaxy server from hub-setup's store (the keyring or the credentials file), a
plaintext token = line for it from ansible.cfg, and every backup of ansible.cfg that holds that token.
With your consent (a question in a terminal, or --remove-server) it also removes the server's
[galaxy_server.<id>] section and its place in server_list.

  --server ID       the server (default: the only one; asked in a terminal when there are several)
  --all             every server of the ansible.cfg read here, and every token hub-setup stored
  --remove-server   also remove the section and the server_list entry (without asking)
  --keep-server     keep them (without asking); the default without a terminal
  --no-interactive  never ask

Exit codes: 0 done (also when there was no token to remove) · 2 usage · 5 ansible.cfg or the store
unusable · 130 cancelled.
`,
  flags: {
    server: { type: "string" },
    all: { type: "boolean" },
    "remove-server": { type: "boolean" },
    "keep-server": { type: "boolean" },
    "no-interactive": { type: "boolean" },
  },
} as const satisfies CommandSpec;
