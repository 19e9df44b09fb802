import { keyKindIn, redact, redactFound, tokenizeAnsibleConfig } from "@hub-setup/core";
import { redactTokenRuns } from "../../safe-arg.js";
import type { Style } from "./style.js";

export type DiffLine = { op: " " | "-" | "+"; text: string; oldLine?: number; newLine?: number };

function lines(text: string): string[] {
  if (text.length === 0) return [];
  const parts = text.split("\n");
  if (parts.at(-1) === "") parts.pop();
  return parts.map((l) => l.replace(/\r$/, ""));
}

/** A line diff by longest common subsequence (ansible.cfg files are small: hundreds of lines). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = lines(before);
  const b = lines(after);
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: " ", text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * width + j + 1]! > lcs[(i + 1) * width + j]!)) {
      out.push({ op: "+", text: b[j]!, newLine: j + 1 });
      j++;
    } else {
      out.push({ op: "-", text: a[i]!, oldLine: i + 1 });
      i++;
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

/**
 * The changed lines with `context` unchanged lines around them, as a unified-style diff headed by the
 * file's path. Secrets are redacted in every line, whatever the store: first every secret core's
 * detector finds in the whole file (also one split over two lines, or base64-encoded), then line by line.
 */
export function renderDiff(
  path: string,
  before: string | undefined,
  after: string,
  options: { style: Style; secrets: readonly { value: string; redacted: string }[]; context?: number },
): string {
  const { style, secrets } = options;
  const context = options.context ?? 2;
  const shownBefore = redactFound(before ?? "", { path });
  const shownAfter = redactFound(after, { path });
  const diff = diffLines(shownBefore, shownAfter);
  const oldSpans = secretSpans(shownBefore);
  const newSpans = secretSpans(shownAfter);
  const show = diff.map(() => false);
  diff.forEach((d, k) => {
    if (d.op === " ") return;
    for (let c = Math.max(0, k - context); c <= Math.min(diff.length - 1, k + context); c++) show[c] = true;
  });
  const header = before === undefined ? `${path} (new file)` : path;
  const out = [style.bold(`--- ${header}`)];
  let gap = true;
  diff.forEach((d, k) => {
    if (!show[k]) {
      gap = true;
      return;
    }
    if (gap) out.push(style.cyan(`@@ line ${d.newLine ?? d.oldLine ?? 1} @@`));
    gap = false;
    const span =
      (d.oldLine === undefined ? undefined : oldSpans.get(d.oldLine)) ??
      (d.newLine === undefined ? undefined : newSpans.get(d.newLine));
    const text = `${d.op} ${redactSecrets(d.text, secrets, span)}`;
    out.push(d.op === "+" ? style.green(text) : d.op === "-" ? style.red(text) : style.dim(text));
  });
  if (out.length === 1) out.push(style.dim("(no change)"));
  return `${out.join("\n")}\n`;
}
