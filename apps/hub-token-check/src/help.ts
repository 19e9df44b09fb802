export const HELP = `hub-token-check: stop plaintext Automation Hub tokens from reaching git, in ansible.cfg,
Containerfiles, CI YAML, .env files and any other text file.

Usage:
  hub-token-check                 scan what is staged for commit (the index, not the working tree)
  hub-token-check [--] [paths…]   scan these files (as the pre-commit framework passes them; after --,
                                  every word is a path)
  hub-token-check --all           scan every tracked file (as the index holds it)
  hub-token-check install         write a git pre-commit hook (an existing hook is kept and runs first);
                                  under the pre-commit framework, print the .pre-commit-config.yaml entry

It scans every text file (real binaries are skipped, with a note). It flags hub tokens, passwords and
client secrets where they are assigned (ANSIBLE_GALAXY_SERVER_<ID>_TOKEN in .env, shell, Containerfile
or YAML; [galaxy_server.*] token = …; ah_token; a Galaxy credential's token), a password or token
written into a URL (https://user:PASSWORD@host/, ?token=…), and a Red Hat offline token anywhere.
References (\${VAR}, {{ jinja }}, \${{ secrets.X }}, $(command), lookup(…)), placeholders (<your-token>,
changeme, xxxx), empty values, ansible-vault files, git object ids and shortened examples (eyJhbGciOi…)
are not flagged.

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

Environment:
  HUB_TOKEN_CHECK_NO_CODE_CACHE=1  keep no code cache in $XDG_CACHE_HOME/hub-token-check
                                   (~/.cache/hub-token-check; it only saves time, deleting it is safe)

Exit codes:
  0 clean · 1 findings · 2 usage or error
`;
