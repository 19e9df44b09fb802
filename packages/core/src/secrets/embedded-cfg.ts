/**
 * An ansible.cfg written inside another file: in a string with escaped newlines (`printf '[galaxy]\n
 * token=…\n'`, a JSON ConfigMap's `"ansible.cfg": "[galaxy_server.x]\n…"`) or as a YAML block scalar
 * (`ansible.cfg: |` and the file indented below it). Read as Ansible would read the file it becomes,
 * with the ansible.cfg rules (galaxy-section key names, `%(name)s` interpolation), and reported where it
 * sits in the outer file.
 */
import { tokenizeAnsibleConfig } from "../cfg/tokenize.js";
import type { ScanLine } from "./cfg-line.js";
import type { Finding, ScanResult } from "./finding.js";
import { scanLines } from "./scan-lines.js";

/** Where each line of the embedded file sits in the outer one (1-based line, 0-based column offset). */
type Origin = { line: number; offset: number };

const GALAXY_HEADER = "[galaxy";
/** A YAML key naming an ansible.cfg (`ansible.cfg: |`, `ansible_cfg: |-`) whose value is a block scalar. */
const CFG_BLOCK_KEY = /^([ \t]*)(?:-[ \t]+)?["']?[\w.-]*cfg["']?[ \t]*:[ \t]*[|>][-+0-9]*[ \t]*$/i;

function indentOf(raw: string): number {
  let i = 0;
  while (i < raw.length && (raw[i] === " " || raw[i] === "\t")) i++;
  return i;
}

/** The pieces of a line between `\n` escapes (`\t` read as two spaces, so columns stay where they are). */
function escapedLines(l: ScanLine): { text: string; origins: Origin[] } {
  const pieces: string[] = [];
  const origins: Origin[] = [];
  let start = 0;
  for (let at = l.raw.indexOf("\\n"); at >= 0; at = l.raw.indexOf("\\n", start)) {
    const end = l.raw[at - 2] === "\\" && l.raw[at - 1] === "r" ? at - 2 : at;
    pieces.push(l.raw.slice(start, end));
    origins.push({ line: l.line, offset: start });
    start = at + 2;
  }
  pieces.push(l.raw.slice(start));
  origins.push({ line: l.line, offset: start });
  return { text: pieces.map((p) => p.replace(/\\t/g, "  ")).join("\n"), origins };
}

/** The block scalar under `ansible.cfg: |` at line `index`, dedented, and where it ends. */
function blockLines(lines: readonly ScanLine[], index: number, keyIndent: number) {
  const pieces: string[] = [];
  const origins: Origin[] = [];
  let indent = -1;
  let j = index + 1;
  for (; j < lines.length; j++) {
    const raw = lines[j]?.raw ?? "";
    const own = indentOf(raw);
    if (own === raw.length) {
      pieces.push("");
      origins.push({ line: j + 1, offset: 0 });
      continue;
    }
    if (own <= keyIndent) break;
    if (indent < 0) indent = own;
    const cut = Math.min(indent, own);
    pieces.push(raw.slice(cut));
    origins.push({ line: j + 1, offset: cut });
  }
  return { text: pieces.join("\n"), origins, next: j };
}

function place(f: Finding, origins: readonly Origin[]): Finding | undefined {
  const at = origins[f.line - 1];
  if (at === undefined) return undefined;
  return { ...f, line: at.line, column: f.column + at.offset, endColumn: f.endColumn + at.offset };
}

/** `printf '…password=%s\n' "$PW"`: filled in when the command runs. */
const PRINTF_DIRECTIVE = /^%[-+ #0-9.]*[sdqvb]$/;

function addEmbedded(path: string, text: string, origins: readonly Origin[], out: ScanResult): void {
  const inner = text.split("\n");
  for (const f of scanLines(path, tokenizeAnsibleConfig(text)).findings) {
    if (PRINTF_DIRECTIVE.test((inner[f.line - 1] ?? "").slice(f.column - 1, f.endColumn - 1))) continue;
    const moved = place(f, origins);
    if (moved === undefined) continue;
    const taken = out.findings.some(
      (o) => o.line === moved.line && o.column < moved.endColumn && moved.column < o.endColumn,
    );
    if (!taken) out.findings.push(moved);
  }
}

/** Secrets in ansible.cfg files embedded in a text file that mentions a galaxy section. */
export function findEmbeddedCfg(path: string, lines: readonly ScanLine[], out: ScanResult): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l === undefined) continue;
    if (l.raw.includes(GALAXY_HEADER) && l.raw.includes("\\n")) {
      const { text, origins } = escapedLines(l);
      addEmbedded(path, text, origins, out);
      continue;
    }
    const key = CFG_BLOCK_KEY.exec(l.raw);
    if (key == null) continue;
    const block = blockLines(lines, i, (key[1] ?? "").length);
    if (block.text.includes(GALAXY_HEADER)) addEmbedded(path, block.text, block.origins, out);
    i = block.next - 1;
  }
}
