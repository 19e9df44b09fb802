import type { Io } from "../io.js";
import { backupFixSentence } from "../report/result.js";
import { shellQuote } from "../report/shell-quote.js";
import type { Finding } from "../scan/finding.js";
import { isBackupCopy } from "../source/candidate.js";
import { planFileFix, type FileFixPlan, type TokenMove } from "./plan-fix.js";

/** What --fix touches: the working tree (never the index) and the secret store. */
export type FixPorts = {
  /** The working-tree file's text, decoded as Ansible decodes it. */
  readText: (path: string) => Promise<string>;
  /** Atomic write that keeps a backup; resolves with the backup's path. */
  writeText: (path: string, text: string) => Promise<string | undefined>;
  /** The token the store already holds for a server id, if any (a secret: compared, never shown). */
  storedToken: (serverId: string) => Promise<string | undefined>;
  storeToken: (serverId: string, token: string) => Promise<void>;
  /** For messages: where the store keeps tokens ("the OS keyring", a file path). */
  storeLocation: () => Promise<string>;
};

/** The plan's moves sorted by what the store already holds for their server id. */
type Sorted = { store: TokenMove[]; same: TokenMove[]; conflicts: TokenMove[] };

async function sortMoves(moves: readonly TokenMove[], ports: FixPorts): Promise<Sorted> {
  const sorted: Sorted = { store: [], same: [], conflicts: [] };
  for (const move of moves) {
    const held = await ports.storedToken(move.serverId);
    if (held === undefined) sorted.store.push(move);
    else if (held === move.token) sorted.same.push(move);
    else sorted.conflicts.push(move);
  }
  return sorted;
}

/**
 * One working-tree file: tokens the store does not hold yet go into it first (if that fails, the file
 * is not touched); a token the store already holds is only removed from the file; a token whose server
 * id the store holds a DIFFERENT token for stays in the file (it may be the older or the newer one:
 * only the user can tell). Then the file is rewritten, keeping a backup. Returns the report lines.
 */
async function fixFile(
  path: string,
  original: string,
  ports: FixPorts,
): Promise<{ lines: string[]; backup?: string; plan: FileFixPlan }> {
  let plan = planFileFix(path, original);
  const sorted = await sortMoves(plan.moves, ports);
  if (sorted.conflicts.length > 0)
    plan = planFileFix(path, original, new Set(sorted.conflicts.map((m) => m.line)));
  for (const move of sorted.store) await ports.storeToken(move.serverId, move.token);
  const backup = plan.text === original ? undefined : await ports.writeText(path, plan.text);
  const where = plan.moves.length + sorted.conflicts.length > 0 ? await ports.storeLocation() : "";
  const lines: string[] = [];
  for (const m of sorted.store) {
    lines.push(
      `  ${path}:${m.line}: moved the token of [${m.section}] into the secret store (${where}) and removed the line`,
    );
  }
  for (const m of sorted.same) {
    lines.push(
      `  ${path}:${m.line}: the secret store (${where}) already holds this token for ${m.serverId}: removed the line`,
    );
  }
  for (const m of sorted.conflicts) {
    lines.push(
      `  ${path}:${m.line}: token of [${m.section}] not fixed: the secret store (${where}) already holds a different token for ${m.serverId}; the line is left in place (run \`hub-setup\` to choose which to keep)`,
    );
  }
  for (const line of plan.droppedComments) lines.push(`  ${path}:${line}: removed a commented-out secret`);
  for (const m of plan.manual) lines.push(`  ${path}:${m.line}: ${m.kind} in ${m.where} not fixed: ${m.why}`);
  if (backup !== undefined) {
    lines.push(
      `  ${path}: the previous version is kept as ${backup}: it still holds the token just removed; delete it (rm -- ${shellQuote(backup)}), or keep it out of git (never \`git add\` it; \`*.bak\` in .gitignore)`,
    );
  }
  return backup === undefined ? { lines, plan } : { lines, backup, plan };
}

/**
 * Fixes each file that had findings, as it is now in the working tree, and reports what it did and what
 * is left. A backup copy (`ansible.cfg.bak`, `ansible.cfg~`) is never edited nor read into the store:
 * it holds an old token, so the fix is to delete it or keep it out of git.
 */
export async function runFix(findings: readonly Finding[], io: Io, ports: FixPorts): Promise<void> {
  const paths = [...new Set(findings.map((f) => f.path))];
  const lines: string[] = ["", "hub-token-check --fix:"];
  const changed: string[] = [];
  let movedAny = false;
  for (const path of paths) {
    if (isBackupCopy(path)) {
      lines.push(`  ${path}: not fixed: ${backupFixSentence(path)}`);
      continue;
    }
    let original: string;
    try {
      original = await ports.readText(path);
    } catch (error) {
      lines.push(`  ${path}: not fixed: cannot read it from the working tree (${(error as Error).message})`);
      continue;
    }
    const done = await fixFile(path, original, ports);
    lines.push(...done.lines);
    if (done.plan.moves.length > 0) movedAny = true;
    if (done.plan.text !== original) changed.push(path);
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
