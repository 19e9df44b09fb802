/**
 * Secrets in files that are not ansible.cfg-shaped — Containerfiles, CI YAML, `.env`, shell, JSON,
 * Terraform, docs: assignments to a hub credential's name in whatever syntax people write them
 * (`NAME=value`, `ENV NAME value`, `export NAME='…'`, `NAME: value`, `- NAME=value`,
 * `--build-arg NAME=value`, `ENV['NAME'] = '…'`, `"NAME": "…"`, `- name: NAME` + `value: …`), and a
 * credential's `token:` in a Galaxy/Automation Hub credential (controller config-as-code, exports,
 * a `galaxy_token` file). Every scan is one pass over each line.
 */
import { decodeBase64Url } from "../token/base64url.js";
import type { ScanLine } from "./cfg-line.js";
import { describeSecret } from "./describe.js";
import type { Finding, ScanResult } from "./finding.js";
import { hubKeyKind, hubVariableKind } from "./hub-names.js";
import { secretKeyKind, type KeyKind } from "./secret-keys.js";
import { withoutTrailingEllipsis } from "./shortened.js";
import { isPlaceholder, judgeValue } from "./value-rules.js";

/** A file that describes a Galaxy/Automation Hub credential: there, `token:` / `password:` are its. */
const GALAXY_CREDENTIAL = /galaxy\/automation hub|galaxy_api_token|automation hub api token|\[galaxy/i;
const K8S_SECRET = /^kind:\s*["']?Secret\b/m;

export type TextContext = { galaxyCredential: boolean; kubernetesSecret: boolean };

export function textContext(baseName: string, text: string): TextContext {
  return {
    galaxyCredential: baseName === "galaxy_token" || GALAXY_CREDENTIAL.test(text),
    kubernetesSecret: K8S_SECRET.test(text),
  };
}

/**
 * A name: a longest run of name characters (letters, digits, `_`, `-`, `.`) that starts with a letter
 * or `_`. The regex engine finds them faster than a loop over every character, and --all scans
 * thousands of files.
 */
const NAME = /(?<![A-Za-z0-9_.-])[A-Za-z_][A-Za-z0-9_.-]*/g;

type Value = { text: string; start: number };

/** The value after a separator at `from`: quoted (to its closing quote) or a bare word. */
function valueAt(raw: string, from: number): Value | undefined {
  let at = from;
  while (at < raw.length && (raw[at] === " " || raw[at] === "\t")) at++;
  const q = raw[at];
  if (q === '"' || q === "'") {
    const close = raw.indexOf(q, at + 1);
    const end = close < 0 ? raw.length : close;
    return { text: raw.slice(at + 1, end), start: at + 1 };
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
  let end = at;
  while (end < raw.length && !/[\s,;})\]]/.test(raw.charAt(end))) end++;
  // `set "NAME=pw"`, `Environment="NAME=pw"`, `-d "refresh_token=…"`: the quote opened before the name closes here.
  const last = raw[end - 1];
  if (end > at && (last === '"' || last === "'") && raw.slice(0, at).split(last).length % 2 === 0) end--;
  return { text: raw.slice(at, end), start: at };
}

/**
 * The separator after a name ending at `end`: `=`, `:`, `=>` (after an optional closing quote or
 * `']`), or whitespace after Dockerfile's `ENV NAME`. Returns where the value starts.
 */
function separatorAfter(raw: string, end: number, dockerEnv: boolean): number | undefined {
  let at = end;
  while (at < raw.length && (raw[at] === '"' || raw[at] === "'" || raw[at] === "]")) at++;
  let spaced = at;
  while (spaced < raw.length && (raw[spaced] === " " || raw[spaced] === "\t")) spaced++;
  const c = raw[spaced];
  if (c === "=" && raw[spaced + 1] === ">") return spaced + 2;
  if (c === "=" && raw[spaced + 1] !== "=") return spaced + 1;
  if (c === ":" && raw[spaced + 1] !== ":") return spaced + 1;
  if (dockerEnv && spaced > at && c !== undefined) return spaced;
  return undefined;
}

/** A Kubernetes Secret's `data:` value is base64: judge what it decodes to. */
function decodedBase64(text: string): string | undefined {
  if (text.length < 8 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = decodeBase64Url(text.replace(/\+/g, "-").replace(/\//g, "_"));
  const decoded = new TextDecoder("utf-8", { fatal: false }).decode(bytes).trim();
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

type Hit = { name: string; kind: KeyKind; value: Value; line: ScanLine };

/** `- name: NAME` then `value: …` on one of the next two lines (Kubernetes, GitLab, Tekton env lists). */
function valueBelow(lines: readonly ScanLine[], index: number): { value: Value; line: ScanLine } | undefined {
  for (let j = index + 1; j <= index + 2 && j < lines.length; j++) {
    const l = lines[j];
    if (l === undefined) return undefined;
    const m = /^\s*(?:-\s+)?(value|valueFrom)\s*:/.exec(l.raw);
    if (m == null) continue;
    if (m[1] === "valueFrom") return undefined;
    const value = valueAt(l.raw, m[0].length);
    return value === undefined ? undefined : { value, line: l };
  }
  return undefined;
}

function hitsIn(lines: readonly ScanLine[], index: number, ctx: TextContext, out: Hit[]): void {
  const l = lines[index];
  if (l === undefined) return;
  const raw = l.raw;
  // A hit needs a separator after its name (`=`, `:`, `=>`; `name:` for a value below) or Dockerfile's
  // `ENV NAME value`: a line with none of them is done without reading its words.
  if (!raw.includes("=") && !raw.includes(":") && !/^\s*ENV\s/i.test(raw)) return;
  NAME.lastIndex = 0;
  for (let run = NAME.exec(raw); run != null; run = NAME.exec(raw)) {
    const i = run.index;
    const name = run[0];
    const end = i + name.length;
    const before = raw.charAt(i - 1);
    const kind = hubKeyKind(name) ?? (ctx.galaxyCredential ? secretKeyKind(name) : undefined);
    // `$NAME`, `${NAME}`, `secrets.NAME`, `env.NAME`, `%NAME%`: a use of the variable, not its value.
    if (kind !== undefined && !"${.%".includes(before === "" ? "#" : before)) {
      const isNameValue = /(?:^|\s|-)name\s*:\s*["']?$/.test(raw.slice(0, i));
      if (isNameValue && hubVariableKind(name) !== undefined) {
        const below = valueBelow(lines, index);
        if (below !== undefined) out.push({ name, kind, value: below.value, line: below.line });
      } else {
        const from = separatorAfter(raw, end, /^\s*ENV\s+$/i.test(raw.slice(0, i)));
        const value = from === undefined ? undefined : valueAt(raw, from);
        if (value !== undefined) out.push({ name, kind, value, line: l });
      }
    }
  }
}

function fixOf(name: string): string {
  return hubVariableKind(name) !== undefined ? name.toUpperCase() : "hub-setup";
}

function judge(hit: Hit, ctx: TextContext, path: string): Finding | undefined {
  let text = hit.value.text.trim();
  const lead = hit.value.text.length - hit.value.text.trimStart().length;
  const decoded = ctx.kubernetesSecret ? decodedBase64(text) : undefined;
  if (decoded !== undefined) text = decoded;
  if (/^#/.test(text)) return undefined;
  const verdict = judgeValue(text, hit.kind !== "password");
  if (!verdict.secret) return undefined;
  const secret = withoutTrailingEllipsis(verdict.inner?.text ?? text);
  if (isPlaceholder(secret)) return undefined;
  const { kind, redacted } = describeSecret(secret, hit.kind);
  const column = hit.value.start + lead + 1 + (decoded === undefined ? (verdict.inner?.start ?? 0) : 0);
  const width = decoded === undefined ? secret.length : hit.value.text.trim().length;
  return {
    path,
    line: hit.line.line,
    column,
    endColumn: column + width,
    kind,
    key: hit.name,
    section: null,
    redacted,
    fix: fixOf(hit.name),
    place: hit.line.kind === "comment" ? "comment" : "value",
  };
}

/** Assignments to hub credential names, and credential keys in a Galaxy credential, in any syntax. */
export function findAssignments(
  path: string,
  lines: readonly ScanLine[],
  ctx: TextContext,
  out: ScanResult,
): void {
  const hits: Hit[] = [];
  for (let i = 0; i < lines.length; i++) hitsIn(lines, i, ctx, hits);
  for (const hit of hits) {
    const f = judge(hit, ctx, path);
    if (f === undefined) continue;
    const overlaps = out.findings.some(
      (o) => o.line === f.line && o.column < f.endColumn && f.column < o.endColumn,
    );
    if (!overlaps) out.findings.push(f);
  }
}

/** A text file's lines in the scanner's line shape: comment lines and the rest. */
const COMMENT_LINE = /^\s*(?:#|;|\/\/|--\s)/;
/** Anything but white space: a line without it is blank (what `trim() === ""` says, with no copy). */
const NOT_BLANK = /\S/;

export function textLines(text: string): ScanLine[] {
  return text.split("\n").map((raw, i) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const kind = COMMENT_LINE.test(line) ? "comment" : NOT_BLANK.test(line) ? "invalid" : "blank";
    return { line: i + 1, kind, raw: line };
  });
}
