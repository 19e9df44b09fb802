import type { FindingKind } from "../scan/finding.js";

export type SarifRule = {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: "error" | "warning" | "note" };
  properties: { tags: string[]; precision: string; "security-severity"?: string };
};

const HELP =
  "Keep tokens out of ansible.cfg: delete the line and set ANSIBLE_GALAXY_SERVER_<ID>_TOKEN in the environment, " +
  "or run `hub-setup`, which keeps the token in the OS keyring or a 0600 credentials file. " +
  "A token that reached git must be replaced: load a new one (the old one stops working).";

const ABOUT: Record<FindingKind, [name: string, text: string, severity: string]> = {
  "offline token": [
    "OfflineToken",
    "A Red Hat SSO offline token (console.redhat.com Automation Hub) in plain text.",
    "9.1",
  ],
  "refresh token": [
    "RefreshToken",
    "A Red Hat SSO refresh token (a browser session's, typ Refresh) in plain text.",
    "8.0",
  ],
  "access token": ["AccessToken", "A Red Hat SSO access token (short-lived JWT) in plain text.", "6.5"],
  "hub token": ["HubToken", "A private automation hub API token (40 hex) in plain text.", "9.1"],
  "gateway token": ["GatewayToken", "An AAP platform gateway token in plain text.", "9.1"],
  token: ["Token", "A token in plain text in an ansible.cfg-style file.", "8.0"],
  password: ["Password", "A password in plain text in an ansible.cfg-style file.", "8.0"],
  "client secret": ["ClientSecret", "A service-account client secret in plain text.", "9.1"],
  "api key": ["ApiKey", "An API key in plain text in an ansible.cfg-style file.", "8.0"],
  secret: ["Secret", "A secret in plain text in an ansible.cfg-style file.", "8.0"],
  "password in url": [
    "PasswordInUrl",
    "A password written into a URL (https://user:password@host/) in an ansible.cfg-style file.",
    "8.0",
  ],
  "token in url": [
    "TokenInUrl",
    "A token or key written into a URL's query (?token=…) in an ansible.cfg-style file.",
    "8.0",
  ],
};

export function ruleId(kind: FindingKind): string {
  return `hub-token-check/${kind.replace(/ /g, "-")}`;
}

export function findingRule(kind: FindingKind): SarifRule {
  const [name, text, severity] = ABOUT[kind];
  return {
    id: ruleId(kind),
    name,
    shortDescription: { text },
    fullDescription: { text: `${text} Anyone who can read the repository can use it.` },
    help: { text: HELP, markdown: HELP },
    defaultConfiguration: { level: "error" },
    properties: { tags: ["security", "secret", "ansible"], precision: "high", "security-severity": severity },
  };
}

export const NOTE_RULE_ID = "hub-token-check/unexpanded-variable";

export function noteRule(): SarifRule {
  const text = "An environment variable reference in ansible.cfg, which Ansible sends as literal text.";
  const help =
    "Ansible does not expand ${VAR} in ansible.cfg. Delete the line and set ANSIBLE_GALAXY_SERVER_<ID>_TOKEN instead.";
  return {
    id: NOTE_RULE_ID,
    name: "UnexpandedVariable",
    shortDescription: { text },
    fullDescription: { text },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: "note" },
    properties: { tags: ["correctness", "ansible"], precision: "high" },
  };
}
