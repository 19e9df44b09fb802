export const HELP = `hub-setup: connect ansible-galaxy to Red Hat Automation Hub or a private automation hub.

Usage:
  hub-setup [setup] [flags]     the wizard (asks what it needs; every question is also a flag)
  hub-setup status [--json] [--offline]
                                every configured server, where its token lives, days to idle expiry
  hub-setup refresh [--quiet]   keep Red Hat offline tokens alive (cron and systemd safe)
  hub-setup exec -- <command>   run a command with the tokens in its environment
  hub-setup env [--shell sh|fish|powershell]
  hub-setup schedule [--systemd|--cron] [--remove] [--print]
  hub-setup sandbox [--port N] [--state-dir DIR]
  hub-setup demo                the wizard against a local sandbox, in a throw-away folder

Each command takes --help. Details: apps/hub-setup/docs/commands.md in the repository.

Flags:
  -h, --help       this text
  -V, --version    the version

Setup flags (each answers one question of the wizard):
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
  --interactive, --no-interactive
                                ask questions (the default in a terminal) or never ask: a missing
                                answer is then a usage error naming its flag (exit 2)

Exit codes:
  0 ok · 1 error · 2 usage · 3 token refused · 4 network · 5 ansible.cfg or store unusable
  6 partial failure · 130 cancelled (nothing written)
`;
