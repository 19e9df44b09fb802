/**
 * Where a value starts and ends after a key's separator, in the syntaxes text-scan reads: quoted (to
 * its closing quote), a shell/Make group (`$(…)`, `${…}`, `$${…}`, a backquoted command) or a bare word.
 */
export type Value = { text: string; start: number };

/**
 * Characters that end a bare word: white space, the punctuation after a value in code and YAML, and a
 * quote (the end of the string the assignment is written in: `"ENV NAME value"`, `set "NAME=value"`).
 */
const WORD_END = String.raw`\s,;})\]"'`;

/** Runs of characters that cannot end a bare word (a backslash is looked at apart: `\n` may). */
const BARE_RUN = new RegExp(String.raw`[^${WORD_END}\\]*`, "y");

/**
 * Where the bare word at `at` ends: at a WORD_END character or an escaped line break. One sticky regex
 * per run of the word, not a test per character (every value of every file of `--all` goes through
 * here).
 */
export function bareWordEnd(raw: string, at: number): number {
  let end = at;
  for (;;) {
    BARE_RUN.lastIndex = end;
    BARE_RUN.test(raw);
    end = BARE_RUN.lastIndex;
    // A backslash that does not start `\n`, `\t`, `\r` is part of the word.
    if (end < raw.length && raw.charCodeAt(end) === 0x5c && !isEscapedBreak(raw, end)) end++;
    else return end;
  }
}

/** `\n`, `\t`, `\r` written as escapes inside a string (`printf '…\npassword=…\n'`): a line break. */
export function isEscapedBreak(raw: string, at: number): boolean {
  if (raw.charCodeAt(at) !== 0x5c) return false;
  const next = raw[at + 1];
  return next === "n" || next === "t" || next === "r";
}

/** The value after a separator at `from`: quoted (to its closing quote) or a bare word. */
export function valueAt(raw: string, from: number): Value | undefined {
  let at = from;
  while (at < raw.length && (raw[at] === " " || raw[at] === "\t")) at++;
  const q = raw[at];
  if (q === '"' || q === "'") {
    const close = raw.indexOf(q, at + 1);
    const end = close < 0 ? raw.length : close;
    return { text: raw.slice(at + 1, end), start: at + 1 };
  }
  // Make writes a shell's `$` as `$$`: `$${PAH_TOKEN}`, `$$PAH_TOKEN` are the shell's references.
  if (raw.startsWith("$$", at) && /[{(A-Za-z_]/.test(raw.charAt(at + 2))) at++;
  // A template `{{ .Values.x | quote }}`: one value up to its closing braces, spaces and all.
  if (raw.startsWith("{{", at)) {
    const close = raw.indexOf("}}", at + 2);
    if (close >= 0) return { text: raw.slice(at, close + 2), start: at };
  }
  // ConfigParser's `%(name)s`: one value, its `)` included.
  if (raw.startsWith("%(", at)) {
    const close = raw.indexOf(")", at + 2);
    if (close >= 0) return { text: raw.slice(at, close + 2), start: at };
  }
  const group = raw.startsWith("$(", at)
    ? ")"
    : raw.startsWith("${", at)
      ? "}"
      : raw[at] === "`"
        ? "`"
        : undefined;
  if (group !== undefined) {
    // `$(command …)`, `${VAR:-…}`, a backquoted command: one value up to its closing character.
    const close = raw.indexOf(group, at + 1);
    return { text: raw.slice(at, close < 0 ? raw.length : close + 1), start: at };
  }
  return { text: raw.slice(at, bareWordEnd(raw, at)), start: at };
}

/**
 * An unquoted value that is code reading another value: `process.env.PAH_TOKEN`, `os.environ[…]`,
 * Terraform's `var.pah_token` / `data.…` / `local.…`, `self.token`, `settings.hub.token`. Only these
 * roots: a password with dots in it (`correct.horse.battery`) is still a value.
 */
export const CODE_REFERENCE =
  /^(?:process\.env|os\.environ|os\.getenv|var|local|data|module|self|this|settings|config|env|ENV|vars|params|inputs|values|Values)(?:\.[A-Za-z_$][\w$]*)*[[(]?$/;
