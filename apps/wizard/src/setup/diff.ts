import { redact } from "@hub-setup/core";
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

const SECRET_KEY = /^(\s*[#;]*\s*(?:token|password|client_secret)\s*[=:]\s*)(\S.*?)(\s*)$/i;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/**
 * One line as it may be shown: each known secret replaced by its redacted form, and so is any value of a
 * token/password key (already in the file, even commented out) and any JWT anywhere.
 */
export function redactSecrets(text: string, secrets: readonly { value: string; redacted: string }[]): string {
  let result = text;
  for (const s of secrets) if (s.value.length > 0) result = result.split(s.value).join(`<${s.redacted}>`);
  result = result.replace(JWT, (jwt) => `<${redact(jwt)}>`);
  const keyed = SECRET_KEY.exec(result);
  if (keyed != null && !(keyed[2] ?? "").startsWith("<"))
    result = `${keyed[1] ?? ""}<${redact(keyed[2] ?? "")}>${keyed[3] ?? ""}`;
  return result;
}

/**
 * The changed lines with `context` unchanged lines around them, as a unified-style diff headed by the
 * file's path. Secrets are redacted in every line, whatever the store.
 */
export function renderDiff(
  path: string,
  before: string | undefined,
  after: string,
  options: { style: Style; secrets: readonly { value: string; redacted: string }[]; context?: number },
): string {
  const { style, secrets } = options;
  const context = options.context ?? 2;
  const diff = diffLines(before ?? "", after);
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
    const text = `${d.op} ${redactSecrets(d.text, secrets)}`;
    out.push(d.op === "+" ? style.green(text) : d.op === "-" ? style.red(text) : style.dim(text));
  });
  if (out.length === 1) out.push(style.dim("(no change)"));
  return `${out.join("\n")}\n`;
}
