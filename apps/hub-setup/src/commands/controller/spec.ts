import type { CommandSpec } from "../../flags.js";
import { usageCall } from "../../usage-line.js";

const SYNOPSIS =
  "controller push --credential NAME [--organization ORG] [--server ID] [--controller-url URL] [--first]";

/** `hub-setup controller push`: its flags and usage, declared once (the registry and the parser read them). */
export const CONTROLLER = {
  name: "controller",
  synopsis: SYNOPSIS,
  summary: "put the token hub-setup holds into an automation controller's Galaxy credential",
  usage: `${usageCall(SYNOPSIS)}

Updates the automation controller's (AWX, AAP) "Ansible Galaxy/Automation Hub API Token" credential
NAME with a galaxy server's URL, auth_url and the token hub-setup holds for it (checked first), so that
project syncs install with it. Without such a credential it is created in --organization and added to
that organisation's Galaxy credentials (last, or --first). hub-setup remembers the credential (never
the token): when you replace that server's token through hub-setup, the credential gets the new one.

  --credential NAME      the credential's name on the controller
  --organization ORG     the organisation to create it in, and whose Galaxy credentials list it joins
  --server ID            which galaxy server's token (optional when only one is configured)
  --controller-url URL   the controller (AAP 2.5+: the platform gateway); default $CONTROLLER_HOST
  --first                put it first in the organisation's list (searched first by project syncs)

Sign-in, as the controller tools take it: CONTROLLER_OAUTH_TOKEN, or CONTROLLER_USERNAME and
CONTROLLER_PASSWORD; CONTROLLER_VERIFY_SSL=false skips the certificate check. /api/controller/v2/
(AAP 2.5+) and /api/v2/ (AWX, AAP 2.4) are both found.

Exit codes: 0 pushed · 1 the controller refused the data, or no controller API at that address (404) ·
2 usage (no controller, no sign-in, several servers and no --server, a credential to create without
--organization) · 3 the controller refused the sign-in (401) or the permission (403), or the hub
refused the token · 4 the controller or hub unreachable · 5 ansible.cfg or the store unusable.
`,
  flags: {
    credential: { type: "string" },
    organization: { type: "string" },
    server: { type: "string" },
    "controller-url": { type: "string" },
    first: { type: "boolean" },
  },
} as const satisfies CommandSpec;
