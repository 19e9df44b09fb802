export const HELP = `hub-setup: connect ansible-galaxy to Red Hat Automation Hub or a private automation hub.

Usage:
  hub-setup [setup] [flags]     the wizard (asks what it needs; every question is also a flag)
  hub-setup status [--json]     every configured server, where its token lives, days to idle expiry
  hub-setup refresh [--quiet]   keep Red Hat offline tokens alive (cron and systemd safe)
  hub-setup exec -- <command>   run a command with the tokens in its environment
  hub-setup env [--shell sh|fish|powershell]
  hub-setup schedule [--systemd|--cron] [--remove]
  hub-setup sandbox [--port N] [--state-dir DIR]
  hub-setup demo                the wizard against a local sandbox, in a throw-away folder

Flags:
  -h, --help       this text
  -V, --version    the version

Exit codes:
  0 ok · 1 error · 2 usage · 3 token refused · 4 network · 5 ansible.cfg or store unusable
  6 partial failure · 130 cancelled (nothing written)
`;
