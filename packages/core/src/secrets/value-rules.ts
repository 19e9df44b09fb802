import { classifyToken } from "../token/classify.js";
import { isShortened } from "./shortened.js";
import { isEncrypted, isReference } from "./value-references.js";
/**
 * Values under a secret key that are not secrets: empty, placeholders, references to something else
 * (environment variables, templates, interpolation), paths and URLs. Everything else is a secret.
 */
export type ValueVerdict =
  /** `inner`: the secret is only part of the value (the default of `${VAR:-secret}`), 0-based in it. */
  | { secret: true; inner?: { start: number; text: string } }
  /** `reference`: computed when used (`$(cmd)`, `lookup(…)`) or another variable's name (`AH_TOKEN`). */
  | {
      secret: false;
      why: "empty" | "placeholder" | "template" | "reference" | "encrypted" | "path" | "url" | "prose";
    }
  /**
   * `${VAR}` / `$VAR`: not a secret, but Ansible sends that literal text, so the user is told. `shown` is
   * the reference as a note may quote it: whatever follows an operator (`:-`, `:?`…) is left out.
   */
  | { secret: false; why: "env-reference"; variable: string; shown: string };

/** Ansible's unquote(): one pair of matching outer quotes is removed. Returns the offset of the inside. */
export function unquote(value: string): { text: string; offset: number } {
  const v = value;
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) {
    return { text: v.slice(1, -1), offset: 1 };
  }
  return { text: v, offset: 0 };
}

/** `${VAR}`, `${VAR<op>word}` (op `-` `=` `?` `+`, with or without `:`) or `$VAR`. Linear: `[^}]*` cannot match `}`. */
const ENV_REFERENCE = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))$/;
/** The operators whose word is a value used in place of the variable (a default), not a message. */
const DEFAULT_OPERATOR = /^:?[-=]$/;
const TEMPLATE = /^(?:\$?\{\{.*\}\}|\{%.*%\}|%\([^)]+\)s|%[A-Za-z_][A-Za-z0-9_]*%)$/s;
/** A value computed when used: `$(command)`, a backquoted command, an Ansible `lookup(…)`/`query(…)`. */
const COMPUTED = /^(?:\$\(.*\)|`.*`)$|\b(?:lookup|query|q)\s*\(/s;
/** Another variable's name in place of a value (`AH_TOKEN`): a reference, not a secret. */
export const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const PATH =
  /^(?:~[^/\s]*|\.{1,2})?\/|^[A-Za-z]:[\\/]|^[\w.-]+\.(?:txt|key|pem|crt|json|ya?ml|cfg|ini|token|vault)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

export const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  "changeme",
  "changethis",
  "replaceme",
  "placeholder",
  "todo",
  "tbd",
  "fixme",
  "none",
  "null",
  "nil",
  "undefined",
  "empty",
  "secret",
  "password",
  "passwd",
  "token",
  "apitoken",
  "apikey",
  "redacted",
  "dummy",
  "example",
  "sample",
  "default",
  "fake",
  "notset",
  "unset",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
]);
/**
 * The words placeholder text is made of (`your_token_here`, `YOUR_AUTOMATION_HUB_TOKEN`,
 * `set-via-environment`, `paste-token-here`): a value made only of these words is a placeholder, while
 * a real password that merely starts like one (`MyDogAteIt`, `MyCompanyS3cretKey`) is not.
 */
export const PLACEHOLDER_VOCABULARY: ReadonlySet<string> = new Set([
  ...PLACEHOLDER_WORDS,
  ..."your my our the a an this that insert paste put enter add replace change set fill example sample".split(
    " ",
  ),
  ..."dummy fake test token tokens password pass pw pwd secret secrets key api offline refresh access hub".split(
    " ",
  ),
  ..."automation ah galaxy server redhat red hat rh console private here me it goes go value via from in".split(
    " ",
  ),
  ..."environment env variable var vault keyring prompt stdin ask use with of for to be real".split(" "),
  ..."client id user username name org organization".split(" "),
  // What logs and docs print in place of a secret: GitLab's `[MASKED]`, `<hidden>`, `(removed)`.
  ..."masked hidden removed omitted obfuscated censored sanitized scrubbed elided".split(" "),
  ..."not please required actual valid own generated some".split(" "),
]);

/**
 * Placeholder phrases: words joined by separators that say "put yours here" (`your_pah_token_here`,
 * `paste-your-offline-token-from-console.redhat.com`, `pah-token-goes-here`, `my-example-token`).
 * Letters only, so a real passphrase with a digit or symbol (`Wint3r-Is-Coming!`) is not one, and a
 * word run together without separators (`MyDogAteIt`) is not either. RE2-compatible: gitleaks-config
 * uses the same sources.
 */
const SEP = "[-_. /:]+";
export const PLACEHOLDER_PHRASES: readonly RegExp[] = [
  new RegExp(`^(?:your|paste|insert|enter|put|fill|replace|provide)(?:${SEP}[a-z]+)+$`, "i"),
  new RegExp(`^(?:[a-z]+${SEP})+(?:here|goes)$`, "i"),
  new RegExp(
    `^(?:[a-z]+${SEP})*(?:placeholder|changeme|example|dummy|fake|sample|redacted|masked|notreal|replaceme)(?:${SEP}[a-z]+)*$`,
    "i",
  ),
];

/**
 * A masked value, as logs and docs print one: a few characters kept at either end and the middle
 * starred or x-ed out (`e402********53ac`, `ghp_xxxxxxxxxxxx`, `ab12••••`), maybe still quoted.
 */
export const MASKED = /^["'`]?[A-Za-z0-9_-]{0,8}(?:\*{4,}|•{3,}|x{6,}|X{6,}|#{4,})[A-Za-z0-9_-]{0,8}["'`]?$/;

/**
 * `oneCharacterRepeated` as a regular expression for gitleaks and GitHub: RE2 has no backreference, so
 * one branch a character.
 */
export const ONE_CHARACTER_REPEATED = `^(?:${[..."0123456789abcdefghijklmnopqrstuvwxyz"]
  .map((c) => `(?:[^A-Za-z0-9]*[${c}${c.toUpperCase() === c ? "" : c.toUpperCase()}]){2,}`)
  .join("|")})[^A-Za-z0-9]*$`;

/** Whether every letter and digit in `v` is the same one (`0000-0000`, `xxxx_xxxx`, `aaaa`). */
function oneCharacterRepeated(v: string): boolean {
  let first = -1;
  let count = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i) | 0x20;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (!alnum) continue;
    if (first === -1) first = c;
    else if (c !== first) return false;
    count++;
  }
  return count >= 2;
}

/** Placeholder phrases are short: longer values are not tested against them (they could backtrack). */
const MAX_PHRASE = 200;

function isPlaceholderPhrase(v: string): boolean {
  if (v.length > MAX_PHRASE) return false;
  const separated = v.replace(/([a-z])([A-Z])/g, "$1_$2");
  return PLACEHOLDER_PHRASES.some((p) => p.test(v) || p.test(separated));
}

/** The words of a value, split at punctuation and camelCase (`yourTokenHere` → your token here). */
function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Text a person writes where a secret is elided: `eyJhbGciOi...`, `abc…123`, `e402****…`, hub-setup's
 * `e402…53ac`, a token cut in the middle in docs (`eyJhbGciOi...5Xk2Qw`).
 */
export function isElided(text: string): boolean {
  return isShortened(text);
}

/** Placeholder text a person writes where the secret should go: `<your-token>`, `changeme`, `xxxx`. */
export function isPlaceholder(text: string): boolean {
  const v = text.trim();
  if (!/[A-Za-z0-9]/.test(v)) return true;
  if (isElided(v)) return true;
  // Wrapped: `<your-token>` is a placeholder, `<0f1e…40 hex…>` or `{hex}` a secret someone wrapped.
  if (/^<[^<>]*>$|^\[[^[\]]*\]$|^\{[^{}]*\}$/.test(v)) {
    const inner = v.slice(1, -1).trim();
    return inner.length === 0 || /\s/.test(inner) || isPlaceholder(inner);
  }
  if (/^[xX*._-]+$/.test(v) && /x/i.test(v)) return true;
  if (v.length >= 2 && /^(.)\1+$/.test(v)) return true;
  if (oneCharacterRepeated(v) || MASKED.test(v) || isPlaceholderPhrase(v)) return true;
  if (/^(?:x+|\.{3}|…)$/i.test(v.replace(/[-_ ]/g, ""))) return true;
  const normal = v.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (PLACEHOLDER_WORDS.has(normal)) return true;
  const all = words(v);
  return all.length > 0 && all.every((w) => PLACEHOLDER_VOCABULARY.has(w));
}

/**
 * `${VAR:-word}` / `${VAR:=word}` (and without the colon): `word` is a value in plain text, the very
 * secret when it is one (a shell would even use it). Otherwise a reference, quoted without its word.
 */
function envReference(m: RegExpExecArray, oneWord: boolean): ValueVerdict {
  const [, braced, operator = "", word = "", bare] = m;
  const variable = braced ?? bare ?? "";
  if (DEFAULT_OPERATOR.test(operator) && word.trim().length > 0) {
    const { text, offset } = unquote(word.trim());
    if (judgeValue(text, oneWord).secret) {
      const start = `\${${variable}${operator}`.length + (word.length - word.trimStart().length) + offset;
      return { secret: true, inner: { start, text } };
    }
  }
  const shown = braced === undefined ? `$${variable}` : `\${${variable}${operator}${word === "" ? "" : "…"}}`;
  return { secret: false, why: "env-reference", variable, shown };
}

/** A verdict on `v.slice(by)`, with its inner secret moved to where it sits in `v`. */
function shifted(verdict: ValueVerdict, by: number): ValueVerdict {
  if (!verdict.secret || verdict.inner === undefined) return verdict;
  return { secret: true, inner: { start: verdict.inner.start + by, text: verdict.inner.text } };
}

/**
 * A reference with a default after its name: tox `{env:X:default}`, devcontainer
 * `${localEnv:X:default}`. The default is a value in plain text, judged as one.
 */
const BRACED_DEFAULT = /^(\$?\{(?:env|localEnv|containerEnv):[A-Za-z_]\w*:)([^}]*)\}$/;

function bracedDefault(m: RegExpExecArray, oneWord: boolean): ValueVerdict {
  const [, head = "", word = ""] = m;
  const { text, offset } = unquote(word.trim());
  if (text.length > 0 && judgeValue(text, oneWord).secret) {
    return {
      secret: true,
      inner: { start: head.length + (word.length - word.trimStart().length) + offset, text },
    };
  }
  return { secret: false, why: "reference" };
}

/**
 * A token-like value followed by more words: `0f1e… # prod`, `"0f1e…" # prod`. Ansible keeps a `#`
 * inside the value (only ` ;` starts an inline comment), so the token is in the file; the rest is
 * prose. A value whose first word is not token-shaped is prose.
 */
function firstWordToken(v: string): ValueVerdict {
  const first = /^\S+/.exec(v)?.[0] ?? "";
  const { text, offset } = unquote(first);
  if (!isPlaceholder(text) && classifyToken(text).ok) return { secret: true, inner: { start: offset, text } };
  return { secret: false, why: "prose" };
}

/**
 * Whether `text` (already unquoted) under a secret key is a secret. `oneWord` says that a value with
 * spaces is prose rather than a secret (true for token-like keys and for commented-out lines).
 */
export function judgeValue(text: string, oneWord: boolean): ValueVerdict {
  const v = text.trim();
  if (v.length === 0) return { secret: false, why: "empty" };
  const env = ENV_REFERENCE.exec(v);
  if (env) return envReference(env, oneWord);
  // Make's `$${VAR:-default}` is the shell's `${VAR:-default}`: a default there is judged the same.
  if (v.startsWith("$$")) {
    const escaped = ENV_REFERENCE.exec(v.slice(1));
    if (escaped) return shifted(envReference(escaped, oneWord), 1);
  }
  const braced = BRACED_DEFAULT.exec(v);
  if (braced) return bracedDefault(braced, oneWord);
  if (TEMPLATE.test(v)) return { secret: false, why: "template" };
  if (COMPUTED.test(v)) return { secret: false, why: "reference" };
  if (isPlaceholder(v)) return { secret: false, why: "placeholder" };
  if (VARIABLE_NAME.test(v)) return { secret: false, why: "reference" };
  if (URL.test(v)) return { secret: false, why: "url" };
  if (PATH.test(v)) return { secret: false, why: "path" };
  if (isEncrypted(v)) return { secret: false, why: "encrypted" };
  if (isReference(v)) return { secret: false, why: "reference" };
  if (oneWord && /\s/.test(v)) return firstWordToken(v);
  return { secret: true };
}
