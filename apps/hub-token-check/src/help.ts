export const HELP = `hub-token-check: stop plaintext Automation Hub tokens in ansible.cfg from reaching git.

Usage:
  hub-token-check                 scan what is staged for commit (the index, not the working tree)
  hub-token-check [paths…]        scan these files (as the pre-commit framework passes them)
  hub-token-check --all           scan every tracked file (as the index holds it)
  hub-token-check install         write a git pre-commit hook (an existing hook is kept and runs first);
                                  under the pre-commit framework, print the .pre-commit-config.yaml entry

It scans ansible.cfg, .ansible.cfg, and *.cfg / *.ini files with a [galaxy] or [galaxy_server.*]
section, and their backup copies (ansible.cfg.bak, ansible.cfg~). It flags tokens, passwords and client
secrets in any section (commented-out lines too), a password or token written into a URL
(https://user:PASSWORD@host/, ?token=…), and a Red Hat offline token anywhere. Empty values,
placeholders (<your-token>, changeme, xxxx), \${VAR} references (which Ansible does not expand: you get
a note), paths and other URLs are not flagged.

Flags:
  -f, --format text|json|sarif   output format (default text; sarif is for GitHub code scanning)
      --baseline FILE            leave out the findings FILE lists (accepted for now)
      --write-baseline FILE      write every current finding to FILE and exit 0
      --fix                      move each token found into the secret store and out of the working-tree
                                 file (comments kept, a backup kept); then \`git add\` the file again
  -h, --help                     this text
  -V, --version                  the version

A deliberate fake: put "# hub-token-check: allow" on the line above it (or "; hub-token-check: allow"
after it).

Exit codes:
  0 clean · 1 findings · 2 usage or error
`;
