import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "demo [--no-interactive] [--keep]";

/** `hub-setup demo`: its flags and usage, declared once (the registry and the parser read them). */
export const DEMO = {
  name: "demo",
  synopsis: SYNOPSIS,
  summary: "the wizard against a local sandbox, in a throw-away folder",
  usage: `${usageCall(SYNOPSIS)}

Runs the wizard against a sandbox started in this process (a local Red Hat SSO, Automation Hub and
private hub), writing only into a throw-away folder, then installs a collection from the sandbox with
the real ansible-galaxy (where it is installed). In a terminal you answer the questions; without one
(CI, stdin closed) or with --no-interactive the demo answers them itself.
  --keep   keep the throw-away folder and print where it is
`,
  flags: { "no-interactive": { type: "boolean" }, keep: { type: "boolean" } },
} as const satisfies CommandSpec;
