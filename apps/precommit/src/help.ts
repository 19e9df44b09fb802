export const HELP = `hub-token-check: stop plaintext Automation Hub tokens in ansible.cfg from reaching git.

Usage:
  hub-token-check [paths…]      scan these files (as the pre-commit framework passes them);
                                with no paths, scan what is staged for commit
  hub-token-check --all         scan every tracked file

Flags:
  -h, --help       this text
  -V, --version    the version

Exit codes:
  0 clean · 1 findings · 2 usage or error
`;
