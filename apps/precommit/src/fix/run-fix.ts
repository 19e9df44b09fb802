import type { Io } from "../io.js";
import type { Finding } from "../scan/finding.js";
import { planFileFix } from "./plan-fix.js";
import { shellQuote } from "../report/shell-quote.js";

/** What --fix touches: the working tree (never the index) and the secret store. */
export type FixPorts = {
  /** The working-tree file's text, decoded as Ansible decodes it. */
  readText: (path: string) => Promise<string>;
  /** Atomic write that keeps a backup; resolves with the backup's path. */
  writeText: (path: string, text: string) => Promise<string | undefined>;
  storeToken: (serverId: string, token: string) => Promise<void>;
  /** For messages: where the store keeps tokens ("the OS keyring", a file path). */
  storeLocation: () => Promise<string>;
};

/**
 * Fixes each file that had findings, as it is now in the working tree: tokens into the store first (if
 * that fails, the file is not touched), then the file rewritten. Reports what it did and what is left.
 */
export async function runFix(findings: readonly Finding[], io: Io, ports: FixPorts): Promise<void> {
  const paths = [...new Set(findings.map((f) => f.path))];
  const lines: string[] = ["", "hub-token-check --fix:"];
  const changed: string[] = [];
  let movedAny = false;
  for (const path of paths) {
    let original: string;
    try {
      original = await ports.readText(path);
    } catch (error) {
      lines.push(`  ${path}: not fixed: cannot read it from the working tree (${(error as Error).message})`);
      continue;
    }
    const plan = planFileFix(path, original);
    for (const move of plan.moves) await ports.storeToken(move.serverId, move.token);
    if (plan.moves.length > 0) movedAny = true;
    let backup: string | undefined;
    if (plan.text !== original) {
      backup = await ports.writeText(path, plan.text);
      changed.push(path);
    }
    const where = plan.moves.length > 0 ? await ports.storeLocation() : "";
    for (const m of plan.moves) {
      lines.push(
        `  ${path}:${m.line}: moved the token of [${m.section}] into the secret store (${where}) and removed the line`,
      );
    }
    for (const line of plan.droppedComments) lines.push(`  ${path}:${line}: removed a commented-out secret`);
    for (const m of plan.manual)
      lines.push(`  ${path}:${m.line}: ${m.kind} in ${m.where} not fixed: ${m.why}`);
    if (backup !== undefined) lines.push(`  ${path}: the previous version is kept as ${backup}`);
  }
  if (changed.length > 0) {
    lines.push(
      `Now stage the fixed file${changed.length > 1 ? "s" : ""}: git add -- ${changed.map(shellQuote).join(" ")}`,
      "(--fix changed only the working tree; the index still holds what you staged.)",
    );
  }
  if (movedAny) {
    lines.push(
      'Ansible reads the moved tokens from ANSIBLE_GALAXY_SERVER_<ID>_TOKEN: run it as `hub-setup exec -- ansible-galaxy …`, or `eval "$(hub-setup env)"`.',
    );
  }
  lines.push(
    "A token that was ever committed or pushed stays in git history: load a new one (the old one then stops working).",
  );
  io.stdout(`${lines.join("\n")}\n`);
}
