/**
 * Values that sit apart from their name: an entry whose `name` is a hub credential's and whose
 * `value`/`default` is a sibling in the same mapping or object (Kubernetes, ECS and Terraform env
 * lists, Tekton params; either order, block or flow style, YAML, JSON or HCL), a key whose value is a
 * block below it (GitLab's expanded `NAME:\n  value: …`, Terraform's `variable "ah_token" {\n  default
 * = …`), and a YAML block scalar (`NAME: |\n  value`).
 */
import type { ScanLine } from "./cfg-line.js";
import { valueAt, type Value } from "./value-at.js";

export type Placed = { value: Value; line: ScanLine };

/** What precedes a name that is an entry's `name` (`- name: `, `"name": "`, `name = "`, `{name: `). */
const NAME_ENTRY = /(?<=^|[\s{,-])["']?name["']?[ \t]*[:=][ \t]*["']?$/;
/** A sibling key that holds the entry's value, or says it comes from elsewhere (`valueFrom`). */
const VALUE_KEY = /(?:^|[\s{,-])["']?(value|default|valueFrom)["']?[ \t]*[:=](?![:=])/;
/** A block scalar's indicator: `|`, `>`, `|-`, `>+`, `|2-`… */
const BLOCK_SCALAR = /^[|>](?:[1-9]?[-+]?|[-+][1-9]?)$/;
const SKIPPED = /^\s*(?:#|\/\/|$)/;
/** How far a sibling on the same line is looked for, in characters. */
const ONE_LINE = 200;
/** How far a sibling or child is looked for: entries are short. */
const REACH = 8;

/**
 * Where the `name` key of an entry starts (0-based) when the name at `nameStart` is its value, or -1.
 * `name`, its quotes and separator fit in the 40 characters before the name; no more is read.
 */
export function nameEntryKey(raw: string, nameStart: number): number {
  const from = Math.max(0, nameStart - 40);
  const m = NAME_ENTRY.exec(raw.slice(from, nameStart));
  return m == null ? -1 : from + m.index;
}

function indentOf(raw: string): number {
  let i = 0;
  while (i < raw.length && (raw[i] === " " || raw[i] === "\t")) i++;
  return i;
}

/** The value comes from elsewhere (`valueFrom`): no literal value to judge. */
const ELSEWHERE = "elsewhere";

/** The value of a `value:`/`default =` key in `raw[from, to)`, or ELSEWHERE for `valueFrom`. */
function valueKeyIn(raw: string, from: number, to: number): Value | typeof ELSEWHERE | undefined {
  const m = VALUE_KEY.exec(raw.slice(from, to));
  if (m == null) return undefined;
  if (m[1] === "valueFrom") return ELSEWHERE;
  return valueAt(raw, from + m.index + m[0].length);
}

/**
 * The value sibling of a `name` entry whose name is at [nameStart, nameEnd) on line `index`: on the same
 * line (a flow mapping or a one-line object), or among the lines above or below at the key's indent.
 */
export function pairedValue(
  lines: readonly ScanLine[],
  index: number,
  keyColumn: number,
  nameEnd: number,
): Placed | undefined {
  const l = lines[index];
  if (l === undefined) return undefined;
  const raw = l.raw;
  // Same line, after the name, up to the end of its object: `{name: N, value: V}`, `"name": N, "value": V`.
  // An entry is short: its sibling is looked for within ONE_LINE characters, so a long line of entries
  // costs no more than a short one per entry.
  const limit = Math.min(raw.length, nameEnd + ONE_LINE);
  const close = raw.indexOf("}", nameEnd);
  const after = valueKeyIn(raw, nameEnd, close < 0 || close > limit ? limit : close);
  if (after !== undefined) return after === ELSEWHERE ? undefined : { value: after, line: l };
  // Same line, before the name, from its object's `{`: `{value: V, name: N}`.
  const open = openingBrace(raw, keyColumn);
  if (open >= 0) {
    const before = valueKeyIn(raw, open, keyColumn);
    if (before !== undefined) return before === ELSEWHERE ? undefined : { value: before, line: l };
    // A flow mapping's other entries are on this line: none below or above is its sibling.
    if (raw.slice(open + 1, keyColumn).trim() !== "") return undefined;
  }
  const below = siblingValue(lines, index, keyColumn, 1);
  // `- name: NAME` starts its item: the lines above belong to other items.
  const startsItem = raw.slice(indentOf(raw), keyColumn).startsWith("-");
  return below ?? (startsItem ? undefined : siblingValue(lines, index, keyColumn, -1));
}

/** The `{` of the flow mapping a key at `keyColumn` is in (within ONE_LINE characters), or -1. */
function openingBrace(raw: string, keyColumn: number): number {
  for (let at = keyColumn - 1; at >= 0 && at >= keyColumn - ONE_LINE; at--) {
    const c = raw.charCodeAt(at);
    if (c === 0x7b) return at;
    if (c === 0x7d) return -1;
  }
  return -1;
}

/** Walks from line `index` in `step` direction over the mapping whose keys start at `keyColumn`. */
function siblingValue(
  lines: readonly ScanLine[],
  index: number,
  keyColumn: number,
  step: 1 | -1,
): Placed | undefined {
  for (let n = 1; n <= REACH; n++) {
    const l = lines[index + step * n];
    if (l === undefined || SKIPPED.test(l.raw)) {
      if (l === undefined) return undefined;
      continue;
    }
    const raw = l.raw;
    let indent = indentOf(raw);
    // A list item's dash (`- value: V` above `  name: N`): its key starts after the dash.
    const dashed = raw[indent] === "-" && (raw[indent + 1] === " " || raw[indent + 1] === "\t");
    if (dashed) indent = indentOf(raw.slice(indent + 1)) + indent + 1;
    if (indent < keyColumn) return undefined;
    if (indent === keyColumn) {
      const v = valueKeyIn(raw, indent, raw.length);
      if (v === ELSEWHERE) return undefined;
      if (v !== undefined && /^["']?(?:value|default)\b/.test(raw.slice(indent))) return { value: v, line: l };
    }
    // The item's first line: going up, nothing above it is in this mapping; going down, a new item.
    if (dashed) return undefined;
  }
  return undefined;
}

/** The value of a key written as a block below it: `value:`/`default =` among its first children. */
export function childValue(lines: readonly ScanLine[], index: number): Placed | undefined {
  const l = lines[index];
  if (l === undefined) return undefined;
  const parentIndent = indentOf(l.raw);
  let childIndent = -1;
  for (let n = 1; n <= REACH; n++) {
    const c = lines[index + n];
    if (c === undefined) return undefined;
    if (SKIPPED.test(c.raw)) continue;
    const indent = indentOf(c.raw);
    if (indent <= parentIndent) return undefined;
    if (childIndent < 0) childIndent = indent;
    if (indent !== childIndent) continue;
    const m = /^["']?(value|default)["']?[ \t]*[:=](?![:=])/.exec(c.raw.slice(indent));
    if (m != null) {
      const value = valueAt(c.raw, indent + m[0].length);
      return value === undefined ? undefined : { value, line: c };
    }
  }
  return undefined;
}

/** Whether a value is a YAML block scalar's indicator (`|`, `>-`…): the value is on the lines below. */
export function isBlockScalar(text: string): boolean {
  return text.length <= 3 && BLOCK_SCALAR.test(text);
}

/** A block scalar's first line (more indented than its key), as the value. */
export function blockScalarValue(lines: readonly ScanLine[], index: number): Placed | undefined {
  const l = lines[index];
  if (l === undefined) return undefined;
  const parentIndent = indentOf(l.raw);
  for (let n = 1; n <= 3; n++) {
    const c = lines[index + n];
    if (c === undefined) return undefined;
    if (c.raw.trim() === "") continue;
    const indent = indentOf(c.raw);
    if (indent <= parentIndent) return undefined;
    return { value: { text: c.raw.slice(indent).trimEnd(), start: indent }, line: c };
  }
  return undefined;
}

/** Whether a key's value is a block below it: nothing after its separator but a comment. */
export function opensBlock(raw: string, from: number): boolean {
  let at = from;
  while (at < raw.length && (raw[at] === " " || raw[at] === "\t")) at++;
  return at === raw.length || raw[at] === "#";
}
