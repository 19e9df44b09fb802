import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS =
  "ci [--shell sh|fish|powershell] [--cloud-url URL] [--auth-url URL] [--private-hub-url URL] [--repositories LIST] [--server-ids LIST]";

/** `hub-setup ci`: its flags and usage, declared once (the registry and the parser read them). */
export const CI = {
  name: "ci",
  synopsis: SYNOPSIS,
  summary: "configure the current CI job from tokens in its environment (no ansible.cfg)",
  usage: `${usageCall(SYNOPSIS)}

Configures ansible-galaxy for the rest of a CI job from tokens in the job's secrets, with no
ansible.cfg: checks each token once against its hub (a Red Hat offline token is refreshed, which also
restarts its 30-day idle clock, so every run keeps it alive), then sets ANSIBLE_GALAXY_SERVER_LIST
and, per server, ANSIBLE_GALAXY_SERVER_<ID>_URL, _AUTH_URL (Red Hat) and _TOKEN.

  On GitHub Actions (GITHUB_ACTIONS=true): every token is masked (::add-mask::) before anything else
  is printed, the variables go to $GITHUB_ENV for the following steps, the server list to
  $GITHUB_OUTPUT as server-list, and failures are ::error:: annotations.
  Elsewhere, or with --shell: prints export lines on stdout:  eval "$(hub-setup ci --shell sh)"

Tokens come only from the environment (never the command line):
  HUB_SETUP_OFFLINE_TOKEN       a Red Hat offline token: configures Red Hat Automation Hub
  HUB_SETUP_PRIVATE_HUB_TOKEN   a private automation hub API token (with --private-hub-url)
Each flag can also be given as a variable (the flag wins):
  --cloud-url URL        HUB_SETUP_CLOUD_URL         default https://console.redhat.com/api/automation-hub/content/published/
  --auth-url URL         HUB_SETUP_AUTH_URL          default Red Hat SSO's token endpoint
  --private-hub-url URL  HUB_SETUP_PRIVATE_HUB_URL   your hub's address (any of its URLs)
  --repositories LIST    HUB_SETUP_REPOSITORIES      comma list, default published; each hub gets those
                                                     it offers (Red Hat: published, validated; a
                                                     private hub: also rh-certified, community)
  --server-ids LIST      HUB_SETUP_SERVER_IDS        one id per server instead of rh_<repo>, pah_<repo>
  --shell sh|fish|powershell   print export lines for that shell, even on GitHub Actions

Exit codes: 0 configured · 2 usage (nothing to configure, a bad list) · 3 a token was refused
(expired after 30 idle days, revoked, replaced, of the wrong client or kind) · 4 a hub or the SSO
unreachable or failing · 1 anything else (a URL that is not a hub, $GITHUB_ENV not writable).
Nothing is exported unless every token works.
`,
  flags: {
    shell: { type: "string" },
    "cloud-url": { type: "string" },
    "auth-url": { type: "string" },
    "private-hub-url": { type: "string" },
    repositories: { type: "string" },
    "server-ids": { type: "string" },
  },
} as const satisfies CommandSpec;
