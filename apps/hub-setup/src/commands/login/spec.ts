import type { CommandSpec } from "../../flags.js";

/** `hub-setup login`: its flags and usage, declared once (the registry and the parser read them). */
export const LOGIN = {
  name: "login",
  synopsis: "login [--server ID] [--token-stdin] [--store keyring|file]",
  summary: "set or replace the token of a configured server (checked live before it is stored)",
  usage: `Usage: hub-setup login [--server ID] [--token-stdin] [--store keyring|file]

Sets or replaces the token of a galaxy server already in the ansible.cfg read here (after a new
"Load token" on a private hub, or a new offline token from Red Hat). The token is checked live against
the server first; only a token the hub accepts is stored. ansible.cfg is not changed.

  --server ID           the server (default: the only one; asked in a terminal when there are several)
  --token-stdin         read the token from stdin (first line), for scripts; or set HUB_SETUP_TOKEN
  --store keyring|file  where to keep it (default: where hub-setup keeps tokens already)
  --no-interactive      never ask: a missing answer is a usage error naming its flag

Exit codes: 0 stored · 2 usage (unknown server, no token) · 3 the token is of the wrong kind or refused
by the hub · 4 hub or SSO unreachable · 5 ansible.cfg or the store unusable · 130 cancelled.
`,
  flags: {
    server: { type: "string" },
    "token-stdin": { type: "boolean" },
    store: { type: "string" },
    "no-interactive": { type: "boolean" },
  },
} as const satisfies CommandSpec;
