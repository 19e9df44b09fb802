import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "schedule [--systemd | --cron] [--remove] [--print]";

/** `hub-setup schedule`: its flags and usage, declared once (the registry and the parser read them). */
export const SCHEDULE = {
  name: "schedule",
  synopsis: SYNOPSIS,
  summary: "install (or remove) the keep-alive job for offline tokens",
  usage: `${usageCall(SYNOPSIS)}

Installs a job that runs \`hub-setup refresh --quiet\`, so that a Red Hat offline token never sits
unused for the 30 days after which Red Hat SSO drops it:
  --systemd   a systemd user timer (weekly, catches up a missed run at the next login), in
              $XDG_CONFIG_HOME/systemd/user (default ~/.config/systemd/user)
  --cron      a line in your crontab (daily, because cron does not catch up a missed run)
  (neither)   systemd when a user manager is running, else cron
  --remove    undo it (with neither flag: whichever is installed)
  --print     print what would be installed and change nothing
Running it again is safe: it changes only what differs. The job runs \`hub-setup\` from PATH, else
this very hub-setup by absolute path (node and its script), so an upgrade or a reinstall of a global
install keeps it working; when it finds neither, it fails with a line that says to reinstall.
`,
  flags: {
    systemd: { type: "boolean" },
    cron: { type: "boolean" },
    remove: { type: "boolean" },
    print: { type: "boolean" },
  },
} as const satisfies CommandSpec;
