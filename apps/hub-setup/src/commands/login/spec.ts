import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS =
  "login [--server ID] [--token-stdin | --new-token [--password-stdin] [--yes]] [--store keyring|file]";

/** `hub-setup login`: its flags and usage, declared once (the registry and the parser read them). */
export const LOGIN = {
  name: "login",
  synopsis: SYNOPSIS,
  summary: "set or replace the token of a configured server (checked live before it is stored)",
  usage: `${usageCall(SYNOPSIS)}

Sets or replaces the token of a galaxy server already in the ansible.cfg read here (after a new
"Load token" on a private hub, or a new offline token from Red Hat). The token is checked live against
the server first; only a token the hub accepts is stored, bound to the hub (and SSO) it was checked
at. ansible.cfg is not changed. Controller credentials \`hub-setup controller push\` put this server's
token in get the new one.

  --server ID           the server (default: the only one; asked in a terminal when there are several)
  --token-stdin         read the token from stdin (first line), for scripts; or set HUB_SETUP_TOKEN
  --store keyring|file  where to keep it (default: where hub-setup keeps tokens already)
  --no-interactive      never ask: a missing answer is a usage error naming its flag

A new token from a private automation hub, made with your hub user name and password (as "Load
token" in its web UI does). WARNING: the hub then DELETES every other token of that user — on other
machines, in CI secrets, in controller credentials hub-setup did not push. Not for Red Hat's cloud
hub (load an offline token at console.redhat.com instead).
  --new-token           make the token at the hub (POST …/v3/auth/token/); asks to confirm (default No)
  --yes                 confirm that without asking (needed without a terminal)
  --password-stdin      read the password from stdin (first line); or set HUB_SETUP_PASSWORD;
                        otherwise it is asked, masked. Never on the command line.
  The user name comes from HUB_SETUP_USERNAME, or is asked.

Exit codes: 0 stored · 1 no token endpoint at that URL (404) · 2 usage (unknown server, no token, a
cloud server with --new-token, not confirmed without a terminal) · 3 the token is of the wrong kind or
refused by the hub, or the user name or password is refused (401) or may not make a token (403) · 4
hub or SSO unreachable · 5 ansible.cfg or the store unusable · 130 cancelled (or not confirmed).
`,
  flags: {
    server: { type: "string" },
    "token-stdin": { type: "boolean" },
    store: { type: "string" },
    "no-interactive": { type: "boolean" },
    "new-token": { type: "boolean" },
    "password-stdin": { type: "boolean" },
    yes: { type: "boolean" },
  },
} as const satisfies CommandSpec;
