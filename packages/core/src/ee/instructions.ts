/**
 * A Containerfile cut into physical lines and logical instructions, losslessly: joining every
 * line's `text + eol` gives the input back byte for byte. Only what the rewrite needs is modelled:
 * the parser directives at the top (`# syntax=`, `# escape=`), comments, blank lines, and each
 * instruction's keyword and the physical lines it spans (continuations end in the escape character).
 * Heredocs (`RUN <<EOF`) are not understood; ansible-builder never writes them.
 */
export type PhysicalLine = { text: string; eol: "\n" | "\r\n" | "" };

export type Instruction = {
  /** Upper-cased keyword: FROM, RUN, ARG, … */
  keyword: string;
  /** Index of the first and last physical line of the instruction. */
  first: number;
  last: number;
  /** The instruction's text with continuations joined (escape + newline removed, comment lines inside dropped). */
  joined: string;
};

export type ContainerfileLines = {
  lines: PhysicalLine[];
  instructions: Instruction[];
  /** The escape character from a `# escape=` directive, else a backslash. */
  escape: "\\" | "`";
  /** The value of a `# syntax=` directive at the top, if any. */
  syntax: string | undefined;
};

const DIRECTIVE = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/;

export function splitPhysicalLines(text: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    if (nl === -1) {
      out.push({ text: text.slice(start), eol: "" });
      break;
    }
    const crlf = nl > start && text[nl - 1] === "\r";
    out.push({ text: text.slice(start, crlf ? nl - 1 : nl), eol: crlf ? "\r\n" : "\n" });
    start = nl + 1;
  }
  return out;
}

export function joinPhysicalLines(lines: readonly PhysicalLine[]): string {
  return lines.map((l) => l.text + l.eol).join("");
}

function readDirectives(lines: readonly PhysicalLine[]): { escape: "\\" | "`"; syntax: string | undefined } {
  let escape: "\\" | "`" = "\\";
  let syntax: string | undefined;
  for (const line of lines) {
    const m = DIRECTIVE.exec(line.text);
    if (m == null) break;
    const name = (m[1] ?? "").toLowerCase();
    if (name === "escape" && (m[2] === "`" || m[2] === "\\")) escape = m[2];
    else if (name === "syntax") syntax = m[2];
  }
  return { escape, syntax };
}

function continues(text: string, escape: string): boolean {
  return text.trimEnd().endsWith(escape);
}

export function parseContainerfile(text: string): ContainerfileLines {
  const lines = splitPhysicalLines(text);
  const { escape, syntax } = readDirectives(lines);
  const instructions: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]?.text ?? "";
    const trimmed = first.trimStart();
    if (trimmed === "" || trimmed.startsWith("#")) {
      i += 1;
      continue;
    }
    const start = i;
    let joined = "";
    let current = first;
    for (;;) {
      const t = current.trimStart();
      const isInnerComment = i > start && t.startsWith("#");
      if (!isInnerComment) {
        joined += continues(current, escape) ? current.trimEnd().slice(0, -1) : current;
      }
      if (!isInnerComment && !continues(current, escape)) break;
      if (i + 1 >= lines.length) break;
      i += 1;
      current = lines[i]?.text ?? "";
    }
    const keyword = (/^\s*(\S+)/.exec(joined)?.[1] ?? "").toUpperCase();
    instructions.push({ keyword, first: start, last: i, joined });
    i += 1;
  }
  return { lines, instructions, escape, syntax };
}
