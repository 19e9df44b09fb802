import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS = "sandbox [--port N] [--state-dir DIR]";

/** `hub-setup sandbox`: its flags and usage, declared once (the registry and the parser read them). */
export const SANDBOX = {
  name: "sandbox",
  synopsis: SYNOPSIS,
  summary: "a local Red Hat SSO, Automation Hub and private hub, until Ctrl-C",
  usage: `${usageCall(SYNOPSIS)}

Runs a local Red Hat SSO, Automation Hub and private automation hub on 127.0.0.1 until Ctrl-C, and
prints their URLs, fake tokens and the ansible.cfg lines that use them.
  --port N          listen on port N (default: a free port)
  --state-dir DIR   keep tokens and state in DIR, so a restart keeps the same tokens
`,
  flags: { port: { type: "string" }, "state-dir": { type: "string" } },
} as const satisfies CommandSpec;
