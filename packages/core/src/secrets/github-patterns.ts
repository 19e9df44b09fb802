/**
 * Our rule for GitHub secret scanning: custom patterns (the fields of GitHub's form: secret format,
 * before and after the secret, what it must not match) for the two things a regular expression can say
 * with confidence — a Red Hat SSO offline token, and a literal value assigned to ansible-galaxy's
 * `_TOKEN` variables — generated from the detector's definitions, as the gitleaks config is.
 */
import { base64urlInfixes, redHatRealmInfixes } from "./gitleaks-config.js";
import { CODE_REFERENCE } from "./value-at.js";
import { referenceSources } from "./value-references.js";
import {
  MASKED,
  ONE_CHARACTER_REPEATED,
  PLACEHOLDER_PHRASES,
  PLACEHOLDER_VOCABULARY,
  VARIABLE_NAME,
} from "./value-rules.js";

export type GithubCustomPattern = {
  name: string;
  secretFormat: string;
  beforeSecret: string;
  afterSecret: string;
  mustNotMatch: string[];
};

const B64 = "[A-Za-z0-9_-]";

export function githubCustomPatterns(): GithubCustomPattern[] {
  const issuer = `(?:${redHatRealmInfixes().join("|")})`;
  const typ = `(?:${["Offline", "Refresh"].flatMap((t) => base64urlInfixes(`"${t}"`)).join("|")})`;
  const vocabulary = [...PLACEHOLDER_VOCABULARY].sort((a, b) => b.length - a.length).join("|");
  return [
    {
      name: "Red Hat SSO offline token (hub-setup)",
      secretFormat: `eyJ${B64}{10,}\\.(?:${B64}*${issuer}${B64}*${typ}|${B64}*${typ}${B64}*${issuer})${B64}*\\.${B64}+`,
      beforeSecret: `\\A|[^A-Za-z0-9_-]`,
      afterSecret: `\\z|[^A-Za-z0-9_-]`,
      mustNotMatch: [],
    },
    {
      name: "ansible-galaxy token variable assigned a literal value (hub-setup)",
      secretFormat: `[A-Za-z0-9_.+/=-]{16,}`,
      beforeSecret: `ANSIBLE_GALAXY_(?:SERVER_[A-Z0-9_]+_)?TOKEN['"]?\\]?[ \\t]*[=:][ \\t]*['"]?`,
      // Not cut short by an ellipsis or a mask (`eyJhbGci…5Xk2Qw`, `e402****…`): that is no secret.
      afterSecret: `\\z|[^A-Za-z0-9_.+/=*\u2026-]`,
      mustNotMatch: [
        VARIABLE_NAME.source,
        `^(?:[^A-Za-z0-9]*(?:${vocabulary}))+[^A-Za-z0-9]*$`,
        ...PLACEHOLDER_PHRASES.map((p) => p.source),
        MASKED.source,
        String.raw`\.\.\.|…|\*\*\*`, // shortened in docs: eyJhbGci...5Xk2Qw, e402****53ac
        ONE_CHARACTER_REPEATED,
        ...referenceSources(),
        CODE_REFERENCE.source, // code reading another value (`process.env.PAH_TOKEN`)
      ],
    },
  ];
}
