/**
 * Our rule for gitleaks: a `.gitleaks.toml` generated from the detector's own definitions (the hub
 * variable names, the placeholder vocabulary, the Red Hat SSO issuer), for teams that already run
 * gitleaks. Regular expressions cannot decode a JWT or read an ansible.cfg section, so the config is
 * the detector's rules as far as RE2 can say them; its test runs a real gitleaks over the detector's
 * fixtures and expects the same verdict on every file.
 */
import { RED_HAT_REALM_PATH } from "../sso/red-hat.js";
import { layoutRules, type Rule } from "./gitleaks-layout-rules.js";
import { CODE_REFERENCE } from "./value-at.js";
import { referenceSources } from "./value-references.js";
import {
  MASKED,
  ONE_CHARACTER_REPEATED,
  PLACEHOLDER_PHRASES,
  PLACEHOLDER_VOCABULARY,
  PLACEHOLDER_WORDS,
  VARIABLE_NAME,
} from "./value-rules.js";

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64url(text: string, alphabet = B64URL): string {
  const bytes = [...text].map((c) => c.charCodeAt(0) & 0xff);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil((Math.min(3, bytes.length - i) * 8) / 6);
    for (let k = 0; k < chars; k++) out += alphabet[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/**
 * The three ways `text` reads inside base64url, one per offset of it modulo 3 in the encoded JSON:
 * only the characters that `text` alone decides (the ones its unknown neighbours also touch dropped).
 */
export function base64urlInfixes(text: string, alphabet = B64URL): string[] {
  return [0, 1, 2].map((shift) => {
    const encoded = base64url(`${"\0".repeat(shift)}${text}`, alphabet);
    const from = Math.ceil((shift * 8) / 6);
    const to = Math.floor(((shift + text.length) * 8) / 6);
    return encoded.slice(from, to);
  });
}

/**
 * How Red Hat SSO's realm reads inside a JWT's base64url payload: the realm, not the host (Red Hat's stage
 * SSO and Keycloak's paths without `/auth` issue it too); its closing quote keeps
 * `…/realms/redhat-external-other` out. Another realm's JWT is no hub token.
 */
export function redHatRealmInfixes(): string[] {
  return base64urlInfixes(`${RED_HAT_REALM_PATH.replace(/^\/auth/, "")}"`);
}

/** The same infixes once more in standard base64: how they read in a base64-encoded JWT (`| base64`). */
function encodedTwice(infixes: readonly string[]): string[] {
  return infixes.flatMap((infix) => base64urlInfixes(infix, B64STD)).map((x) => x.replace(/[+]/g, "\\+"));
}

/**
 * Standard base64 of 40 lower-case hex (a hub token in a Kubernetes Secret's `data:`): each 3 hex
 * digits encode to one of few characters per position, and the last digit to two and `==`.
 */
const HEX40_BASE64 = "(?:[MNOYZ][DGTWjmz2][A-Za-n][w-z0-5h-m]){13}[MNOYZ][AQgw]==";

const HUB_VARIABLE = String.raw`ANSIBLE_GALAXY_(?:SERVER_[A-Z0-9_]+?_(?:TOKEN|PASSWORD|CLIENT_SECRET)|TOKEN)`;
const B64 = "[A-Za-z0-9_-]";

function alternation(parts: readonly string[]): string {
  return `(?:${parts.join("|")})`;
}

/** Values that are no secret: references, templates, placeholders, elisions, other variables' names. */
function valueAllowlist(): string[] {
  const vocabulary = [...PLACEHOLDER_VOCABULARY].sort((a, b) => b.length - a.length);
  return [
    String.raw`^\$`, // ${VAR}, $VAR, ${{ secrets.X }}, $(command)
    String.raw`^\{\{|^\{%|^%\(`, // Jinja, ConfigParser interpolation
    String.raw`(?i)\blookup\(|\bquery\(`,
    String.raw`^-`, // the next flag (`--build-arg NAME -t …`): no value given
    String.raw`^<[^<>]*>$`, // <your-token>
    String.raw`\.\.\.|…|\*\*\*`, // eyJhbGciOi..., eyJhbGci...5Xk2Qw, abc123…, e402****53ac, hub-setup's e402…53ac
    String.raw`^[^A-Za-z0-9]*$|^[xX*._-]+$`,
    VARIABLE_NAME.source, // another variable's name
    `(?i)^${alternation([...PLACEHOLDER_WORDS])}$`,
    CODE_REFERENCE.source, // process.env.X, os.environ[…], var.x
    String.raw`^%\w+%$|^\(|^[a-z_][a-z0-9_]*=[^=]|^%[-+ #0-9.]*[sdqvb]$`, // %VAR%, fish (cmd), a keyword argument, printf's %s
    String.raw`^(?:User|Machine|Process)$`, // [Environment]::…('NAME', 'User'): the scope, not a value
    `(?i)^(?:[^A-Za-z0-9]*${alternation(vocabulary)})+[^A-Za-z0-9]*$`,
    ...PLACEHOLDER_PHRASES.map((p) => `(?i)${p.source}`), // your_pah_token_here, paste-your-…
    MASKED.source, // e402********53ac
    ONE_CHARACTER_REPEATED, // 0000-0000, xxxx_xxxx
    ...referenceSources(), // credentials('x'), var.x, {env:X}, !X!, *alias, vault:…, ENC[…], AgB…
  ];
}

/** `eyJ` then the realm and the typ, each as it reads in standard base64 of the JWT, in either order. */
function encodedJwtRegex(): string {
  const b64 = "[A-Za-z0-9+/]";
  const issuer = alternation(encodedTwice(redHatRealmInfixes()));
  const typ = alternation(encodedTwice(["Offline", "Refresh"].flatMap((t) => base64urlInfixes(`"${t}"`))));
  return `ZXlK${b64}*(?:${issuer}${b64}*${typ}|${typ}${b64}*${issuer})${b64}*={0,2}`;
}

function rules(): Rule[] {
  const issuer = alternation(redHatRealmInfixes());
  const typ = alternation(["Offline", "Refresh"].flatMap((t) => base64urlInfixes(`"${t}"`)));
  // A token may wrap over lines, in its header or payload: a comment at 80 columns (`# eyJ…` / `# …`),
  // an indented block or quote (`    …`, `> …`), a shell `\` continuation.
  const wrap = String.raw`\\?\r?\n[ \t]*(?:[#;>]+[ \t]*)?`;
  const payload = `(?:${B64}|${wrap})*`;
  const allow = valueAllowlist();
  return [
    {
      id: "hub-setup-redhat-offline-token",
      description:
        "A Red Hat SSO offline or refresh token (a JWT from the redhat-external realm), under any name",
      regex: String.raw`eyJ${B64}{10,}(?:${wrap}${B64}*)*\.(?:${payload}${issuer}${payload}${typ}|${payload}${typ}${payload}${issuer})`,
      keywords: ["eyJ"],
    },
    {
      id: "hub-setup-redhat-offline-token-base64",
      description: "A Red Hat SSO offline or refresh token, base64-encoded (a Kubernetes Secret's data:)",
      regex: encodedJwtRegex(),
      keywords: ["ZXlK"],
    },
    {
      id: "hub-setup-hub-token-base64-under-key",
      description:
        "A hub API token (40 hex), base64-encoded under a credential's key (a Kubernetes Secret's data:)",
      regex: String.raw`(?i:[\w.-]*(?:tok|passw|secret)[\w.-]*)['"]?[ \t]*:[ \t]*['"]?(${HEX40_BASE64})`,
      keywords: ["tok", "passw", "secret"],
    },
    {
      id: "hub-setup-galaxy-variable",
      description:
        "An ansible-galaxy credential variable set to a value (NAME=value, ENV NAME value, NAME: value…)",
      // Also Make's `?=`/`:=`/`::=`/`+=`, and a call's quoted second argument (`setenv("NAME", "…")`).
      regex: String.raw`(?i)\b${HUB_VARIABLE}\b(?:['"][ \t]*,[ \t]*['"]|['"]?\]?[ \t]*(?:[?+]=|::?=|\?\?=|\|\|=|=|:|[ \t])[ \t]*['"]?)([^\s'"]+)`,
      keywords: ["ansible_galaxy_"],
      allow,
    },
    {
      id: "hub-setup-galaxy-variable-k8s-env",
      description: "A Kubernetes env entry naming an ansible-galaxy credential variable with a literal value",
      regex: String.raw`(?i)name:[ \t]*['"]?${HUB_VARIABLE}['"]?[ \t]*\r?\n[ \t]*value:[ \t]*['"]?([^\s'"]+)`,
      keywords: ["ansible_galaxy_"],
      allow,
    },
    {
      id: "hub-setup-hub-token-under-key",
      description:
        "A hub API token (40 hex) under a token-like key, also wrapped, quoted or as a ${VAR:-default}",
      regex: String.raw`(?i)[\w.-]*(?:tok|pat\b|key|secret|passw|cred)[\w.-]*['"]?[ \t]*[=:][ \t]*(?:\$\{\w+:?-)?["'<{]?([0-9a-f]{40})\b`,
      keywords: ["tok", "pat", "key", "secret", "passw", "cred"],
      allow,
    },
    {
      id: "hub-setup-hub-password",
      description: "A password for a hub (password =, ah_password:, …) that is no reference or placeholder",
      // Also after an escaped newline inside a string (`printf '…\npassword=…\n'`), and ansible.cfg's `pass =`.
      regex: String.raw`(?im)(?:\b(?:[\w.-]*_)?(?:password|passwd)|\\[ntr](?:password|passwd|pass)|^[ \t]*pass)['"]?[ \t]*[=:][ \t]*['"]?([^\s'"#;\\]+)`,
      keywords: ["passw", "pass"],
      allow,
    },
    ...layoutRules(HUB_VARIABLE, allow),
    ...commandAndFileRules(allow),
  ];
}

/**
 * ansible-galaxy's `--token`/`--api-key` (galaxy-flags.ts), a netrc entry's password (netrc.ts), and an
 * ansible.cfg base64-encoded in a Kubernetes Secret's `data:` (base64-tokens.ts): as far as RE2 can.
 */
function commandAndFileRules(allow: string[]): Rule[] {
  const b64 = "[A-Za-z0-9+/]";
  // `\ntoken = ` (and `=`, `password`, `client_secret`) inside the base64, then a value as long as a token's.
  const option = alternation(
    ["token", "password", "client_secret"]
      .flatMap((k) => [`\n${k} = `, `\n${k}=`])
      .flatMap((t) => base64urlInfixes(t, B64STD))
      .map((x) => x.replace(/[+]/g, "\\+")),
  );
  return [
    {
      id: "hub-setup-galaxy-token-flag",
      description: "ansible-galaxy's --token / --api-key given a literal value (also on a continued line)",
      regex: String.raw`ansible-galaxy(?:[^\n]*\\\r?\n){0,8}?[^\n]*?[ \t]--(?:api-key|token)(?:[ \t]+|=)['"]?([^\s'"]+)`,
      keywords: ["--api-key", "--token"],
      allow,
    },
    {
      id: "hub-setup-hub-token-flag",
      description: "A hub API token (40 hex) given to a --token / --api-key flag of any command",
      regex: String.raw`--(?:api-key|token)(?:[ \t]+|=)['"]?([0-9a-f]{40})\b`,
      keywords: ["--api-key", "--token"],
    },
    {
      id: "hub-setup-netrc-password",
      description:
        "A password in a netrc entry (machine HOST login NAME password VALUE, on one line or several)",
      regex: String.raw`(?m)^[ \t]*(?:machine[ \t]+\S+|default)(?:\s+(?:login|account|port)[ \t]+\S+)*\s+(?:password|account)[ \t]+['"]?([^\s'"]+)`,
      keywords: ["machine", "default"],
      allow,
    },
    {
      id: "hub-setup-base64-ansible-cfg",
      description:
        "An ansible.cfg with a galaxy credential, base64-encoded under its name (a Kubernetes Secret's data:)",
      regex: String.raw`(?i:[\w.-]*(?:cfg|ini))['"]?[ \t]*:[ \t]*['"]?(W2dhbGF4e${b64}*${option}${b64}{50,}={0,2})`,
      keywords: ["W2dhbGF4e"],
    },
  ];
}

function tomlString(s: string): string {
  if (s.includes("'''")) throw new Error("a pattern holds ''': it cannot be a TOML literal string");
  return `'''${s}'''`;
}

/** The gitleaks config (TOML): our rules, each with the allowlist of values that are no secret. */
export function gitleaksConfig(): string {
  const out = [
    "# Generated by @hub-setup/core (gitleaksConfig): hub-setup's hub-token rules for gitleaks.",
    'title = "hub-setup: Red Hat Automation Hub tokens"',
    "",
  ];
  for (const r of rules()) {
    out.push("[[rules]]", `id = "${r.id}"`, `description = "${r.description}"`);
    out.push(`regex = ${tomlString(r.regex)}`);
    if (r.regex.includes("("))
      out.push(r.id.startsWith("hub-setup-redhat-offline-token") ? "secretGroup = 0" : "secretGroup = 1");
    out.push(`keywords = [${r.keywords.map((k) => `"${k}"`).join(", ")}]`);
    if (r.allow !== undefined) {
      out.push("[[rules.allowlists]]", 'regexTarget = "secret"');
      out.push(`regexes = [\n${r.allow.map((a) => `  ${tomlString(a)},`).join("\n")}\n]`);
    }
    out.push("");
  }
  return out.join("\n");
}
