import type { CommandSpec } from "../../flags.js";

/**
 * `hub-setup [setup] [flags]`, the default command: its flags, declared once. Each answers one question
 * of the wizard; `hub-setup --help` shows them (setup's --help is the whole help).
 */
export const SETUP = {
  name: "setup",
  synopsis: "[setup] [flags]",
  summary: "the wizard (asks what it needs; every question is also a flag)",
  isDefault: true,
  usage: `Setup flags (each answers one question of the wizard):
  --hub cloud|private|both      which hub (repeat --hub for both)
  --url <hub URL>               the hub's URL (cloud: Red Hat's by default; one per --hub, in order)
  --auth-url <SSO endpoint>     the cloud hub's token endpoint (default: Red Hat SSO)
  --repository <name>           published, validated, rh-certified, community (repeatable; default published)
  --server-id <id>              the galaxy server id ([a-z0-9_]+), or its prefix when several are written
  --token-stdin                 read the token from stdin (one line per hub); or set HUB_SETUP_TOKEN
                                (HUB_SETUP_CLOUD_TOKEN / HUB_SETUP_PRIVATE_TOKEN for both). Never --token.
  --store keyring|file|plaintext  where the token lives (default: the keyring if usable, else the file)
  --config <path>               the ansible.cfg to write (default: the one Ansible reads here)
  -y, --yes                     write without asking, replacing a server with the same id
  --[no-]schedule               install the weekly keep-alive for offline tokens (or not)
  --[no-]pre-commit             install the hub-token-check git hook (or not)
  --[no-]shell-init             add \`hub-setup shell-init\` to your shell's rc file (or not), so that
                                plain ansible-galaxy gets the token
  --order first|last            where the new servers go in server_list (ansible-galaxy tries
                                the servers in that order; default: last, kept as asked)
  --interactive, --no-interactive
                                ask questions (the default in a terminal) or never ask: a missing
                                answer is then a usage error naming its flag (exit 2)
`,
  flags: {
    hub: { type: "string", multiple: true },
    url: { type: "string", multiple: true },
    "auth-url": { type: "string" },
    repository: { type: "string", multiple: true },
    "server-id": { type: "string" },
    "token-stdin": { type: "boolean" },
    store: { type: "string" },
    config: { type: "string" },
    yes: { type: "boolean", short: "y" },
    interactive: { type: "boolean" },
    "no-interactive": { type: "boolean" },
    schedule: { type: "boolean" },
    "no-schedule": { type: "boolean" },
    "pre-commit": { type: "boolean" },
    "no-pre-commit": { type: "boolean" },
    "shell-init": { type: "boolean" },
    "no-shell-init": { type: "boolean" },
    order: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
} as const satisfies CommandSpec;
