/**
 * Values under a secret key that are not secrets: empty, placeholders, references to something else
 * (environment variables, templates, interpolation), paths and URLs. Everything else is a secret.
 */
export type ValueVerdict =
  /** `inner`: the secret is only part of the value (the default of `${VAR:-secret}`), 0-based in it. */
  | { secret: true; inner?: { start: number; text: string } }
  | { secret: false; why: "empty" | "placeholder" | "template" | "path" | "url" | "prose" }
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
const TEMPLATE = /^(?:\{\{.*\}\}|\{%.*%\}|%\([^)]+\)s|%[A-Za-z_][A-Za-z0-9_]*%)$/s;
const PATH =
  /^(?:~[^/\s]*|\.{1,2})?\/|^[A-Za-z]:[\\/]|^[\w.-]+\.(?:txt|key|pem|crt|json|ya?ml|cfg|ini|token|vault)$/i;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

const PLACEHOLDER_WORDS = new Set([
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
const PLACEHOLDER_PHRASE =
  /^(?:your|my|insert|paste|put|enter|add|replace|change|example|sample|dummy|fake)[a-z0-9]*?(?:token|password|passwd|pass|secret|key|here|me|it)$/;

/** Placeholder text a person writes where the secret should go: `<your-token>`, `changeme`, `xxxx`. */
export function isPlaceholder(text: string): boolean {
  const v = text.trim();
  if (!/[A-Za-z0-9]/.test(v)) return true;
  if (/^<[^<>]*>$|^\[[^[\]]*\]$|^\{[^{}]*\}$/.test(v)) return true;
  if (/^[xX*._-]+$/.test(v) && /x/i.test(v)) return true;
  if (v.length >= 2 && /^(.)\1+$/.test(v)) return true;
  if (/^(?:x+|\.{3}|…)$/i.test(v.replace(/[-_ ]/g, ""))) return true;
  const normal = v.toLowerCase().replace(/[^a-z0-9]/g, "");
  return PLACEHOLDER_WORDS.has(normal) || PLACEHOLDER_PHRASE.test(normal);
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

/**
 * Whether `text` (already unquoted) under a secret key is a secret. `oneWord` says that a value with
 * spaces is prose rather than a secret (true for token-like keys and for commented-out lines).
 */
export function judgeValue(text: string, oneWord: boolean): ValueVerdict {
  const v = text.trim();
  if (v.length === 0) return { secret: false, why: "empty" };
  const env = ENV_REFERENCE.exec(v);
  if (env) return envReference(env, oneWord);
  if (TEMPLATE.test(v)) return { secret: false, why: "template" };
  if (isPlaceholder(v)) return { secret: false, why: "placeholder" };
  if (URL.test(v)) return { secret: false, why: "url" };
  if (PATH.test(v)) return { secret: false, why: "path" };
  if (oneWord && /\s/.test(v)) return { secret: false, why: "prose" };
  return { secret: true };
}
