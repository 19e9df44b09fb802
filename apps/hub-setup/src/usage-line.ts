const WIDTH = 100;

/**
 * The first line(s) of a command's --help, built from the same synopsis `hub-setup --help` lists, so the
 * two cannot drift: `Usage: hub-setup <synopsis>`, wrapped before WIDTH with continuation lines indented
 * under the first flag.
 */
export function usageCall(synopsis: string): string {
  const head = "Usage: hub-setup ";
  const words = synopsis.split(" ");
  // Indent continuations under what follows the command name (and a subcommand without brackets).
  const lead = words.findIndex((w) => w.startsWith("[") || w.startsWith("-") || w.startsWith("<"));
  const indent = " ".repeat(head.length + words.slice(0, lead < 0 ? 1 : lead).join(" ").length + 1);
  const lines: string[] = [];
  let line = head;
  for (const word of bracketGroups(synopsis)) {
    const fresh = line === head || line.trim() === "";
    if (!fresh && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (fresh && line === head ? "" : " ") + word;
    }
  }
  lines.push(line);
  return lines.join("\n");
}

/** The synopsis's words, with a bracketed group kept whole (never broken inside `[…]`). */
function bracketGroups(synopsis: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let current = "";
  for (const word of synopsis.split(" ")) {
    current = current === "" ? word : `${current} ${word}`;
    for (const c of word) depth += c === "[" ? 1 : c === "]" ? -1 : 0;
    if (depth === 0) {
      groups.push(current);
      current = "";
    }
  }
  if (current !== "") groups.push(current);
  return groups;
}
