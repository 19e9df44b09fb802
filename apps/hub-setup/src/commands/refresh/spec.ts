import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "refresh [--quiet] [--allow-new-origin] [--no-interactive]";

/** `hub-setup refresh`: its flags and usage, declared once (the registry and the parser read them). */
export const REFRESH = {
  name: "refresh",
  synopsis: SYNOPSIS,
  summary: "keep Red Hat offline tokens alive (cron and systemd safe)",
  usage: `${usageCall(SYNOPSIS)}

Exchanges every Red Hat offline token once at its SSO, which resets the 30 days after which an unused
offline token expires, and records the time (status shows the days left). Tokens come from the servers
the ansible.cfg read here lists (your environment, the store, or the file) and from hub-setup's store.
It never colours, and asks only in a terminal (about a moved server, below), so it is safe under cron and
systemd (see \`hub-setup schedule\`).

  --quiet   print nothing unless something failed (failures go to stderr)
  --allow-new-origin  refresh stored tokens to servers whose url or auth_url origin is not where the token
                      was verified (a moved hub), and bind them there (see docs: token binding)
  --no-interactive    never ask; without it, in a terminal, a stored token withheld because its server
                      moved is sent there if you answer yes to the question naming both origins

Exit codes: 0 all refreshed, or nothing to refresh · 3 a token was refused (expired after 30 idle days,
revoked, wrong client) · 4 the SSO unreachable or failing · 5 ansible.cfg or the store unusable, or a
stored token not sent because its server now points elsewhere than where it was verified ·
6 some refreshed, some failed.
`,
  flags: {
    quiet: { type: "boolean" },
    "allow-new-origin": { type: "boolean" },
    "no-interactive": { type: "boolean" },
  },
} as const satisfies CommandSpec;
