import type { CommandSpec } from "../../flags.js";

/** `hub-setup refresh`: its flags and usage, declared once (the registry and the parser read them). */
export const REFRESH = {
  name: "refresh",
  synopsis: "refresh [--quiet]",
  summary: "keep Red Hat offline tokens alive (cron and systemd safe)",
  usage: `Usage: hub-setup refresh [--quiet]

Exchanges every Red Hat offline token once at its SSO, which resets the 30 days after which an unused
offline token expires, and records the time (status shows the days left). Tokens come from the servers
the ansible.cfg read here lists (your environment, the store, or the file) and from hub-setup's store.
It never prompts and never colours, so it is safe under cron and systemd (see \`hub-setup schedule\`).

  --quiet   print nothing unless something failed (failures go to stderr)

Exit codes: 0 all refreshed, or nothing to refresh · 3 a token was refused (expired after 30 idle days,
revoked, wrong client) · 4 the SSO unreachable or failing · 5 ansible.cfg or the store unusable ·
6 some refreshed, some failed.
`,
  flags: { quiet: { type: "boolean" } },
} as const satisfies CommandSpec;
