import { keyKindIn, redact, redactFound, tokenizeAnsibleConfig } from "@hub-setup/core";
import { redactTokenRuns } from "../../safe-arg.js";
import { summariseChanges } from "./diff-summary.js";
import { diffRuns, splitLines, type DiffRun } from "./line-diff.js";
import type { Style } from "./style.js";

export type DiffLine = { op: " " | "-" | "+"; text: string; oldLine?: number; newLine?: number };

/** Every line of the diff, kept ones included (tests, small files); renderDiff walks the runs instead. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const out: DiffLine[] = [];
  for (const r of diffRuns(a, b)) {
    for (let k = 0; k < r.len; k++) {
      if (r.op === " ")
        out.push({ op: " ", text: a[r.aStart + k]!, oldLine: r.aStart + k + 1, newLine: r.bStart + k + 1 });
      else if (r.op === "-") out.push({ op: "-", text: a[r.aStart + k]!, oldLine: r.aStart + k + 1 });
      else out.push({ op: "+", text: b[r.bStart + k]!, newLine: r.bStart + k + 1 });
    }
  }
  return out;
}

/** A token/password line, also commented out (`# token = …`: ConfigParser ignores it, a reader sees it). */
const KEYED_SECRET = /^(\s*[#;]*\s*(?:token|password|client_secret)\s*[=:]\s*)(\S.*?)(\s*)$/i;

/** Where a secret key's value sits on one line: [start, end) in the line's text. */
export type SecretSpan = readonly [start: number, end: number];

/** A value that is already one of the detector's redacted forms (`<hub API token 0123…4567 (40 chars)>`). */
const REDACTED = /^<[^<>\n]*\(\d+ chars\)>$/;

/**
 * For each line (1-based) that holds part of a secret key's value (core's definition of a secret key),
 * where that part is: the value on the key's own line and the whole text of every continuation line
 * after it (ConfigParser joins them), as core's tokenizer reads them.
 */
export function secretSpans(text: string): Map<number, SecretSpan> {
  const spans = new Map<number, SecretSpan>();
  for (const l of tokenizeAnsibleConfig(text)) {
    if (l.kind !== "option" && l.kind !== "continuation") continue;
    if (l.key === undefined || keyKindIn(l.section, l.key) === undefined || l.valueColumn === undefined)
      continue;
    const start = l.valueColumn - 1;
    const end = start + (l.value ?? "").length;
    if (end > start && !REDACTED.test(l.value ?? "")) spans.set(l.line, [start, end]);
  }
  return spans;
}

/**
 * One line as it may be shown: the part of a secret key's value on it (`span`, from secretSpans)
 * redacted whole, each known secret replaced by its redacted form, and so is the value of a token/password
 * line (commented out or not) and any run shaped like a token (a JWT, 32+ hex, a hub or gateway token) anywhere.
 */
export function redactSecrets(
  text: string,
  secrets: readonly { value: string; redacted: string }[],
  span?: SecretSpan,
): string {
  let result = text;
  if (span !== undefined) {
    const [start, end] = span;
    result = `${result.slice(0, start)}<${redact(result.slice(start, end))}>${result.slice(end)}`;
  }
  for (const s of secrets) if (s.value.length > 0) result = result.split(s.value).join(`<${s.redacted}>`);
  result = redactTokenRuns(result, { random: false });
  const keyed = KEYED_SECRET.exec(result);
  if (keyed != null && !(keyed[2] ?? "").startsWith("<"))
    result = `${keyed[1] ?? ""}<${redact(keyed[2] ?? "")}>${keyed[3] ?? ""}`;
  return result;
}

/** Past this many removed and added lines the preview is a summary: no one reviews a longer diff. */
export const MAX_SHOWN_CHANGES = 400;

/** The lines to show: every changed one, `context` kept lines around each change, `gap` between. */
function shownLines(runs: readonly DiffRun[], a: readonly string[], b: readonly string[], context: number) {
  const out: Array<DiffLine | "gap"> = [];
  runs.forEach((r, i) => {
    if (r.op !== " ") {
      for (let k = 0; k < r.len; k++) {
        out.push(
          r.op === "-"
            ? { op: "-", text: a[r.aStart + k]!, oldLine: r.aStart + k + 1 }
            : { op: "+", text: b[r.bStart + k]!, newLine: r.bStart + k + 1 },
        );
      }
      return;
    }
    const head = i > 0 ? Math.min(context, r.len) : 0;
    const tail = i < runs.length - 1 ? Math.min(context, r.len - head) : 0;
    const kept = (k: number): DiffLine => ({
      op: " ",
      text: a[r.aStart + k]!,
      oldLine: r.aStart + k + 1,
      newLine: r.bStart + k + 1,
    });
    for (let k = 0; k < head; k++) out.push(kept(k));
    if (head + tail < r.len) out.push("gap");
    for (let k = r.len - tail; k < r.len; k++) out.push(kept(k));
  });
  return out;
}

/**
 * The changed lines with `context` unchanged lines around them, as a unified-style diff headed by the
 * file's path. Secrets are redacted in every line, whatever the store: first every secret core's
 * detector finds in the whole file (also one split over two lines, or base64-encoded), then line by line.
 * More than MAX_SHOWN_CHANGES changed lines: a summary (how many, in which sections) instead.
 */
export function renderDiff(
  path: string,
  before: string | undefined,
  after: string,
  options: { style: Style; secrets: readonly { value: string; redacted: string }[]; context?: number },
): string {
  const { style, secrets } = options;
  const shownBefore = redactFound(before ?? "", { path });
  const shownAfter = redactFound(after, { path });
  const a = splitLines(shownBefore);
  const b = splitLines(shownAfter);
  const runs = diffRuns(a, b);
  const header = style.bold(`--- ${before === undefined ? `${path} (new file)` : path}`);
  const changed = runs.reduce((n, r) => n + (r.op === " " ? 0 : r.len), 0);
  if (changed > MAX_SHOWN_CHANGES) {
    const summary = summariseChanges(runs, a, b);
    return `${header}\n${style.dim(redactSecrets(summary, secrets))}\n`;
  }
  const oldSpans = secretSpans(shownBefore);
  const newSpans = secretSpans(shownAfter);
  const out = [header];
  let gap = true;
  for (const d of shownLines(runs, a, b, options.context ?? 2)) {
    if (d === "gap") {
      gap = true;
      continue;
    }
    if (gap) out.push(style.cyan(`@@ line ${d.newLine ?? d.oldLine ?? 1} @@`));
    gap = false;
    const span =
      (d.oldLine === undefined ? undefined : oldSpans.get(d.oldLine)) ??
      (d.newLine === undefined ? undefined : newSpans.get(d.newLine));
    const text = `${d.op} ${redactSecrets(d.text, secrets, span)}`;
    out.push(d.op === "+" ? style.green(text) : d.op === "-" ? style.red(text) : style.dim(text));
  }
  if (out.length === 1) out.push(style.dim("(no change)"));
  return `${out.join("\n")}\n`;
}
