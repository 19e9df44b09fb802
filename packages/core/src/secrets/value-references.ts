/**
 * Values under a secret name that say where the secret comes from instead of holding it: an
 * expansion in any shell, batch, PowerShell, Make or CI syntax, a template of any common engine, a
 * function call, a dotted or indexed path (`var.pah_token`, `os.environ["AH_TOKEN"]`), a YAML alias
 * or tag, a secret manager's reference; a type in a declaration (`ah_token: SecretStr`); an encrypted
 * value (SOPS, SealedSecret, armored age/GPG). None of them is a secret.
 *
 * Every pattern is anchored at the value's start and also matches a value cut short, because scanners
 * stop a bare value at `,` `;` `)` `]`, white space or a quote (ours and gitleaks' do). They are
 * RE2-compatible (no lookaround, no backreference): gitleaks-config puts the same sources in its
 * allowlist, so the two agree.
 */

/** Expansions and templates: `$X`, `${…}`, `$(…)`, `$${X}`, `$env:X`, `%X%`, `!X!`, `{env:X}`, `{{…}}`… */
export const EXPANSION_PATTERNS: readonly RegExp[] = [
  // shell, Make ($$ escaped), PowerShell $env:X / $cred.X(), Azure $(x) / $[x], GitLab $CI_JOB_TOKEN, AWX
  // $encrypted$; not a password that starts with `$` ($uperS3cret!)
  /^\$+(?:[{([]|[A-Za-z_]\w*(?:[:.][A-Za-z_][\w-]*)*(?:$|[/\\$(){}[\]:;,'"]))/,
  /^%[A-Za-z_][\w.-]*(?:%|:[^%\s]*(?:%|$))/, // Windows %X%, %X:~0,8% (maybe cut at the comma), %USERPROFILE%\…
  /^![A-Za-z_][\w.-]*(?::[^!\s]*)?!/, // batch delayed expansion !X!
  /^\{(?:env|posargs|envsitepackagesdir|toxinidir|envdir|homedir|\[[\w:-]+\]\w+):/, // tox {env:X}, {[section]key}
  /^\$?\{\{|^\{%|^<%|^\(\(|^#\{|^\[\[/, // Jinja, GitHub ${{ }}, Go/Helm {{.X}}, ERB <%= %>, Concourse ((x)), Octopus #{x}
  /^__[A-Za-z][\w.-]*__$|^@[A-Za-z_][\w.-]*@$/, // replace-tokens __X__, Maven/autoconf @X@
  /^<\s*(?:%|\$|~|\/|\.|[A-Za-z]:\\)/, // batch `set /p X=<file`: read from a file
  /^<<\s*[A-Za-z]|^%\{|^%[A-Za-z](?:\/|$)/, // CircleCI << parameters.x >>, Hiera %{lookup('x')}, systemd %d/x
];

/** A YAML alias (`*pah_token`) or a tag that fetches or decrypts the value (`!vault |`, `!Ref`, `!secret`). */
export const YAML_PATTERNS: readonly RegExp[] = [
  /^\*[a-z_][A-Za-z0-9_.-]*$/,
  /^!(?:vault|secret|Ref|Sub|GetAtt|ImportValue|FindInMap|env_var|env|include|reference|ssm|sops)(?:\s|$)/,
];

/**
 * Code: a function call (`credentials('x')`, `dict(type='raw'`, `@Microsoft.KeyVault(…)`, a
 * PowerShell `(Get-Secret …)`, `[Environment]::…`), a dotted or indexed path whose first part starts
 * lower case (`var.pah_token`, `data.x.y["password"]`, `.Values.pahToken`; gitleaks keeps a `)` or `,`
 * after it), and another variable's
 * name in snake or camel case with a credential word in it (`pah_token`, `pahToken`; letters only, so a
 * random token is never one). A call's first argument must look like code (a quote, a name, `)`) so
 * that `Summer(2024)` stays a password.
 */
const CREDENTIAL_WORD = "(?:token|password|passwd|secret|key|pass|pwd|credentials?)";
const CREDENTIAL_WORD_CAMEL = "(?:Token|Password|Passwd|Secret|Key|Pass|Pwd|Credentials?)";
export const CODE_PATTERNS: readonly RegExp[] = [
  /^@?[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*\((?:$|[)'"$[{(@]|-{1,2}[A-Za-z]|[A-Za-z_][\w.-]*\s*(?:$|[=,)(.:'"]))/,
  /^\(\s*(?:[A-Za-z]+-[A-Za-z]+|\$|\[|[A-Za-z_][\w.]*\()/,
  /^\(\s*[a-z][\w.-]*(?:\s|$)/, // fish `(cat ~/.pah_token)`, cut at the space
  /^[A-Z][A-Za-z_]*\[["']/, // Ruby ENV['X'], Secrets["x"]
  // an option's spec, not its value: `{type: str, no_log: true}`, JSON schema's `{"type": "string"}`
  /^\{\s*["']?(?:type|description|required|no_log|choices|elements|aliases|format|title|writeOnly|\$ref)["']?\s*:/,
  // a Python f-string of one variable: f"{pah_token}" (gitleaks keeps only the `f` before the quote)
  /^(?:f|rf|fr|F)(?:["']\{[A-Za-z_][\w.]*(?:\}["']?)?)?$/,
  /^\[(?:[A-Za-z_]\w*\.)*(?:Environment|Convert|System)\]?(?:::|$)/,
  /^\.?[a-z_$][\w$-]{0,63}(?:\.[A-Za-z_$][\w$-]{0,63}|\[(?:\d+|"[^"\]]*"?|'[^'\]]*'?|[A-Za-z_][\w.]*)?\]?)+[),;]*$/,
  /^\.[A-Z][\w-]{0,63}(?:\.[A-Za-z_][\w-]{0,63})+[),;]*$/,
  new RegExp(
    `^_*(?:(?:[a-z][a-z0-9]*_)+${CREDENTIAL_WORD}(?:_[a-z0-9]+)*|${CREDENTIAL_WORD}(?:_[a-z0-9]+)+)$`,
  ),
  new RegExp(`^[a-z]+(?:[A-Z][a-z]+)*${CREDENTIAL_WORD_CAMEL}(?:[A-Z][a-z]+)*$`),
];

/** The types a declaration gives a secret (`ah_token: SecretStr`, `ah_token: string;`, `Optional[str]`). */
export const TYPE_PATTERN =
  /^\*?(?:str|string|String|SecretStr|SecretBytes|SecretString|bytes|Optional|Union|Annotated|Any|any|unknown|Secret|SecureString|securestring|SensitiveString|Text|CharSequence|Option|Maybe|Nullable|\[\]byte)(?:$|[\s[<?|;,)=])/;

/**
 * Secret managers' references: Bank-Vaults `vault:…`, AWS ARNs and `ssm:…`, GCP secret paths, `env:X`,
 * `file:…`, vals `ref+vault://…`, argocd-vault-plugin `<path:secret/data/x#key>`.
 */
export const SECRET_MANAGER_PATTERN =
  /^(?:vault:[\w/.-]|arn:aws[\w-]*:(?:secretsmanager|ssm|kms):|projects\/[\w-]+\/secrets\/|(?:awssm|gcpsm|azkv|keyvault|sops|gopass|doppler|infisical|akeyless|conjur|bw|op):[\w/.-]|(?:ssm|secretsmanager):[\w/.-]|env:[A-Za-z_]|file:[~./\w]|ref\+[a-z0-9]+:\/\/|<path:[\w/.-])/;

/** Encrypted values: SOPS / hiera-eyaml `ENC[…]`, jasypt `ENC(…)`, a SealedSecret's `AgB…`, armored age/GPG. */
export const ENCRYPTED_PATTERNS: readonly RegExp[] = [
  /^ENC\[[A-Za-z0-9_]+(?:,|\]|$)|^ENC\(/,
  /^Ag[A-D][A-Za-z0-9+/]{100,}={0,2}$/,
  /^-----BEGIN(?:$| (?:AGE ENCRYPTED|PGP MESSAGE|ENCRYPTED))/,
];

/** Long values are no reference (only a SealedSecret's ciphertext is long): the cheap test first. */
const MAX_REFERENCE = 256;

function anyMatch(patterns: readonly RegExp[], v: string): boolean {
  for (const p of patterns) if (p.test(v)) return true;
  return false;
}

/** A value that is encrypted: whatever it hides is not in plain text here. */
export function isEncrypted(v: string): boolean {
  return anyMatch(ENCRYPTED_PATTERNS, v);
}

/** A value that refers to a secret kept elsewhere, or is code or a type rather than a value. */
export function isReference(v: string): boolean {
  if (v.length > MAX_REFERENCE || v.startsWith("eyJ")) return false;
  return (
    anyMatch(EXPANSION_PATTERNS, v) ||
    anyMatch(YAML_PATTERNS, v) ||
    anyMatch(CODE_PATTERNS, v) ||
    TYPE_PATTERN.test(v) ||
    SECRET_MANAGER_PATTERN.test(v)
  );
}

/** Every source above, for gitleaks' allowlist (RE2 reads them as they are). */
export function referenceSources(): string[] {
  return [
    ...EXPANSION_PATTERNS,
    ...YAML_PATTERNS,
    ...CODE_PATTERNS,
    TYPE_PATTERN,
    SECRET_MANAGER_PATTERN,
    ...ENCRYPTED_PATTERNS,
  ].map((p) => p.source);
}
