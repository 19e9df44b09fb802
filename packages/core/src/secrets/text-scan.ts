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
import { isUnderHubParent } from "./hub-parent.js";
import {
  blockScalarValue,
  childValue,
  isBlockScalar,
  nameEntryKey,
  opensBlock,
  pairedValue,
  type Placed,
} from "./pair-entries.js";
import { SECRET_WORDS, secretKeyKind, type KeyKind } from "./secret-keys.js";
import { withoutTrailingEllipsis } from "./shortened.js";
import { callArgument, isAssignmentAt, isSpacedSetter, SPACED_SETTER_WORD } from "./setter-forms.js";
import { isPlaceholder, judgeValue } from "./value-rules.js";
import { CODE_REFERENCE, isEscapedBreak, valueAt, type Value } from "./value-at.js";

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

/** What every credential name holds: one of secret-keys.ts's SECRET_WORDS, in any case. */
const CREDENTIAL_WORD = new RegExp(SECRET_WORDS.join("|"), "i");

/**
 * The separator after a name ending at `end`: `=`, `:`, `=>` (after an optional closing quote or
 * `']`), or whitespace after Dockerfile's `ENV NAME`. Returns where the value starts.
 */
function separatorAfter(raw: string, end: number, spacedSetter: boolean): number | undefined {
  let at = end;
  while (at < raw.length && (raw[at] === '"' || raw[at] === "'" || raw[at] === "]")) at++;
  let spaced = at;
  while (spaced < raw.length && (raw[spaced] === " " || raw[spaced] === "\t")) spaced++;
  const c = raw[spaced];
  if (c === "=" && raw[spaced + 1] === ">") return spaced + 2;
  if (c === "=" && raw[spaced + 1] !== "=") return spaced + 1;
  // Make's `?=`, `+=`, `:=`, `::=` (and Go's `:=`): the value follows the operator.
  if ((c === "?" || c === "+" || c === ":") && raw[spaced + 1] === "=") return spaced + 2;
  if (c === ":" && raw[spaced + 1] === ":" && raw[spaced + 2] === "=") return spaced + 3;
  // Ruby's `ENV['NAME'] ||= …`, JavaScript's `??=`: set when unset.
  if ((c === "|" || c === "?") && raw[spaced + 1] === c && raw[spaced + 2] === "=") return spaced + 3;
  if (c === ":" && raw[spaced + 1] !== ":") return spaced + 1;
  if (spacedSetter && spaced > at && c !== undefined) return spaced;
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

/** A sibling's or child's value that is itself a block scalar (`value: |`): its first line below. */
function belowIfBlockScalar(lines: readonly ScanLine[], placed: Placed | undefined): Placed | undefined {
  if (placed === undefined || !isBlockScalar(placed.value.text)) return placed;
  // Scan lines are numbered from 1 in file order: line n is lines[n - 1].
  const index = placed.line.line - 1;
  return lines[index] === placed.line ? blockScalarValue(lines, index) : undefined;
}

/** The value a hit's name is given at [nameStart, end) on line `index`, wherever it is written. */
function valueOf(
  lines: readonly ScanLine[],
  index: number,
  nameStart: number,
  end: number,
  form: { member: boolean; hyphenated: boolean },
): Placed | undefined {
  const l = lines[index];
  if (l === undefined) return undefined;
  const raw = l.raw;
  // `process.env.NAME = …`, `--set env.NAME=…`: an assignment to the member; anything else uses it.
  if (form.member) {
    if (!isAssignmentAt(raw, end)) return undefined;
  }
  // `- name: NAME` / `"name": "NAME"` / `name = "NAME"`: the value is the entry's `value`/`default`.
  const entryKey = nameEntryKey(raw, nameStart);
  if (entryKey >= 0) return belowIfBlockScalar(lines, pairedValue(lines, index, entryKey, end));
  // `variable "ah_token" {`: a block whose `default =` / `value =` holds the value.
  let after = end;
  while (after < raw.length && (raw[after] === '"' || raw[after] === "'")) after++;
  if (isBlockOpening(raw, after)) return belowIfBlockScalar(lines, childValue(lines, index));
  const spaced = !form.hyphenated && !form.member && isSpacedSetter(raw, nameStart);
  const from = separatorAfter(raw, end, spaced) ?? (form.member ? undefined : callArgument(raw, nameStart, end));
  if (from === undefined) return undefined;
  // A hyphenated key (`ah-token:`, `offline-token = …`) is a YAML/JSON/HCL key, never a shell word.
  if (form.hyphenated && raw[from - 1] !== ":" && raw[from - 2] !== " ") return undefined;
  // fish's command substitution `set -gx NAME (cat file)`: computed, not a value.
  if (spaced && raw[from] === "(") return undefined;
  if (opensBlock(raw, from))
    return raw.charCodeAt(from - 1) === 0x3a ? belowIfBlockScalar(lines, childValue(lines, index)) : undefined;
  const value = valueAt(raw, from);
  if (value === undefined) return undefined;
  if (isBlockScalar(value.text)) return blockScalarValue(lines, index);
  return { value, line: l };
}

/** Before a name, what makes it a use of the variable (`$NAME`, `${NAME}`, `%NAME%`) and not its key. */
const REFERENCE_MARK = "${%";

function hitsIn(lines: readonly ScanLine[], index: number, ctx: TextContext, out: Hit[]): void {
  const l = lines[index];
  if (l === undefined) return;
  const raw = l.raw;
  // A hit needs a separator after its name (`=`, `:`, `=>`; `,` between a call's arguments; `{` of a
  // block) or a command that takes its value after white space (`ENV NAME value`, `set -gx NAME value`):
  // a line with none of them is done without reading its words.
  if (
    !raw.includes("=") &&
    !raw.includes(":") &&
    !raw.includes(",") &&
    !raw.includes("{") &&
    !SPACED_SETTER_WORD.test(raw)
  )
    return;
  // Every name a hit is for ends in a secret word (secretKeyKind's, and the hub names' _TOKEN,
  // _PASSWORD, _SECRET among them): a line holding none is done without a regex run per word.
  if (!CREDENTIAL_WORD.test(raw)) return;
  NAME.lastIndex = 0;
  for (let run = NAME.exec(raw); run != null; run = NAME.exec(raw)) {
    let i = run.index;
    let name = run[0];
    // `printf '…\npassword=…'`: the escape's letter starts no name.
    if (i > 0 && isEscapedBreak(raw, i - 1) && raw[i - 2] !== "\\") {
      i++;
      name = name.slice(1);
      if (!/^[A-Za-z_]/.test(name)) continue;
    }
    let kind = hubKeyKind(name) ?? (ctx.galaxyCredential ? secretKeyKind(name) : undefined);
    let member = false;
    const dot = name.lastIndexOf(".");
    if (kind === undefined && dot > 0 && dot < name.length - 1) {
      // `process.env.NAME`: the member's name, set only by an assignment.
      kind = hubVariableKind(name.slice(dot + 1));
      if (kind !== undefined) {
        i += dot + 1;
        name = name.slice(dot + 1);
        member = true;
      }
    }
    const hyphenated = kind === undefined && name.includes("-");
    if (hyphenated) kind = hubKeyKind(name.replace(/-/g, "_"));
    const end = i + name.length;
    if (kind === undefined && raw[end] === ":" && isKeyAtLineStart(raw, i)) {
      // `password:` in `automationHub:`, `galaxy:`: the hub's credential.
      const own = secretKeyKind(name);
      if (own !== undefined && own !== "api key" && isUnderHubParent(lines, index, i)) kind = own;
    }
    if (kind === undefined) continue;
    // `$NAME`, `${NAME}`, `%NAME%`: a use of the variable, not its value.
    if (REFERENCE_MARK.includes(raw.charAt(i - 1) || "#")) continue;
    if (!member && raw.charAt(i - 1) === ".") continue;
    const placed = valueOf(lines, index, i, end, { member, hyphenated });
    if (placed !== undefined) out.push({ name, kind, value: placed.value, line: placed.line });
  }
}

/**
 * Whether a name is the first thing on its line (after indentation, a list item's `- ` and a quote): a
 * YAML key. Read backwards from the name, so that a long line's many `"key":` cost no copies.
 */
function isKeyAtLineStart(raw: string, at: number): boolean {
  let j = at - 1;
  if (raw[j] === '"' || raw[j] === "'") j--;
  if (raw[j] === " " && raw[j - 1] === "-") j -= 2;
  while (j >= 0 && (raw[j] === " " || raw[j] === "\t")) j--;
  return j < 0;
}

/** Whether only `{` (and white space) follows `from`: a block opens (`variable "ah_token" {`). */
function isBlockOpening(raw: string, from: number): boolean {
  let at = from;
  while (raw[at] === " " || raw[at] === "\t") at++;
  if (raw[at] !== "{") return false;
  at++;
  while (raw[at] === " " || raw[at] === "\t") at++;
  return at >= raw.length;
}

function fixOf(name: string): string {
  return hubVariableKind(name) !== undefined ? name.toUpperCase() : "hub-setup";
}

/** `printf '…password=%s\n' "$PW"`: the value is filled in when the command runs. */
const PRINTF_DIRECTIVE = /^%[-+ #0-9.]*[sdqvb]$/;

function isMemberPath(text: string): boolean {
  return text.includes(".") && CODE_REFERENCE.test(text);
}

function isQuote(c: string): boolean {
  return c === '"' || c === "'";
}

function judge(hit: Hit, ctx: TextContext, path: string): Finding | undefined {
  let text = hit.value.text.trim();
  const lead = hit.value.text.length - hit.value.text.trimStart().length;
  const decoded = ctx.kubernetesSecret ? decodedBase64(text) : undefined;
  if (decoded !== undefined) text = decoded;
  if (/^#/.test(text) || PRINTF_DIRECTIVE.test(text)) return undefined;
  if (isMemberPath(text) && !isQuote(hit.line.raw.charAt(hit.value.start - 1))) return undefined;
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
