import { quoteFish, quoteSh } from "../../shell/quote.js";
import type { SelfCommand } from "../../ports.js";

export type InitShell = "bash" | "zsh" | "fish";
export const INIT_SHELLS: readonly InitShell[] = ["bash", "zsh", "fish"];

/** The commands that talk to a hub and so need the tokens; nothing else in the shell gets them. */
export const WRAPPED = [
  "ansible-galaxy",
  "ansible-builder",
  "ansible-navigator",
  "ansible-playbook",
] as const;

export const BEGIN = "# >>> hub-setup shell-init >>>";
export const END = "# <<< hub-setup shell-init <<<";

/**
 * The shell functions: each runs the real command (found on PATH by `hub-setup exec`, never the
 * function again) with the tokens in that one process's environment. `self` is this hub-setup, by
 * absolute path, so the functions work where `hub-setup` is not on PATH (npx, a clone).
 */
export function renderInit(shell: InitShell, self: SelfCommand): string {
  const lines = [
    BEGIN,
    "# Only these commands receive the hub tokens (from hub-setup's store, through `hub-setup exec`).",
    "# Remove with: hub-setup shell-init " + shell + " --remove",
  ];
  if (shell === "fish") {
    const run = `${quoteFish(self.node)} ${quoteFish(self.script)} exec --`;
    for (const name of WRAPPED) {
      lines.push(`function ${name} --wraps ${name}`, `    ${run} ${name} $argv`, "end");
    }
  } else {
    const run = `${quoteSh(self.node)} ${quoteSh(self.script)} exec --`;
    for (const name of WRAPPED) lines.push(`${name}() { ${run} ${name} "$@"; }`);
  }
  lines.push(END);
  return `${lines.join("\n")}\n`;
}

/**
 * `text` with the marked block set to `block` (replaced in place, or appended), or removed when
 * `block` is undefined. Everything outside the markers is kept byte for byte.
 */
export function withBlock(text: string, block: string | undefined): string {
  const start = text.indexOf(BEGIN);
  const endAt = start < 0 ? -1 : text.indexOf(END, start);
  if (start >= 0 && endAt >= 0) {
    let stop = endAt + END.length;
    if (text[stop] === "\n") stop += 1;
    const before = text.slice(0, start);
    const after = text.slice(stop);
    if (block !== undefined) return before + block + after;
    // Removing: also the blank line that was put before the block.
    return (before.endsWith("\n\n") ? before.slice(0, -1) : before) + after;
  }
  if (block === undefined) return text;
  if (text === "") return block;
  return `${text}${text.endsWith("\n") ? "" : "\n"}\n${block}`;
}
