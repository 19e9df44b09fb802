import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "status [--json] [--offline] [--allow-new-origin] [--no-interactive]";

/** `hub-setup status`: its flags and usage, declared once (the registry and the parser read them). */
export const STATUS = {
  name: "status",
  synopsis: SYNOPSIS,
  summary: "every configured server, where its token lives, days to idle expiry",
  usage: `${usageCall(SYNOPSIS)}

Every galaxy server ansible-galaxy will use here: the ansible.cfg it comes from (and why that file),
its kind, where its token comes from (your environment, hub-setup's store, or plaintext in ansible.cfg,
which is flagged), a live check against the hub, and for a Red Hat offline token the days left before
it expires unused (30 days after its last use).

  --json      the same as JSON (schema: docs/commands.md)
  --offline   no network: skip the live checks
  --allow-new-origin  check stored tokens to servers whose url or auth_url origin is not where the token
                      was verified (a moved hub), and bind them there (see docs: token binding)
  --no-interactive    never ask; without it, in a terminal, a stored token withheld because its server
                      moved is sent there if you answer yes to the question naming both origins

Exit codes: 0 all servers fine (warnings allowed) · 1 no server configured · 3 a token was refused ·
4 a hub or the SSO unreachable · 5 ansible.cfg or the store unusable, or a stored token not sent because
its server now points elsewhere · 6 some fine, some broken.
`,
  flags: {
    json: { type: "boolean" },
    offline: { type: "boolean" },
    "allow-new-origin": { type: "boolean" },
    "no-interactive": { type: "boolean" },
  },
} as const satisfies CommandSpec;
