import {
  classifyToken,
  judgeSecretValue as judgeValue,
  parseAnsibleConfig,
  secretFixFor as fixFor,
  serverIdOf,
  unquoteSecretValue as unquote,
} from "@hub-setup/core";
import { fileTypeOf } from "../report/file-type.js";
import { isInUrl, whereSentence } from "../report/result.js";
import type { Finding } from "../scan/finding.js";
import { scanConfigText } from "../scan/scan-config.js";

/** A token to move into the store. `token` is a secret: it goes to the store and nowhere else. */
export type TokenMove = { serverId: string; section: string; line: number; token: string };
/** A finding --fix leaves to the user, and why. */
export type ManualFix = { line: number; kind: string; where: string; why: string };

export type FileFixPlan = {
  /** The file with the moved options and commented-out secrets removed (unchanged when nothing is). */
  text: string;
  moves: TokenMove[];
  droppedComments: number[];
  manual: ManualFix[];
};

function dropLines(text: string, lines: ReadonlySet<number>): string {
  if (lines.size === 0) return text;
  return text
    .split(/(?<=\n)/)
    .filter((_, i) => !lines.has(i + 1))
    .join("");
}

function manualFor(f: Finding, why: string): ManualFix {
  const ini = fileTypeOf(f) === "ini";
  const where = !ini ? whereSentence(f) : f.section == null ? "(no section)" : `[${f.section}]`;
  return { line: f.line, kind: f.kind, where, why };
}

/** Why a value finding cannot be moved into the store, or undefined when it can. */
function notMovable(f: Finding): string | undefined {
  const id = serverIdOf(f.section);
  if (isInUrl(f.kind)) {
    const instead = f.fix === "hub-setup" ? "run `hub-setup` for hub tokens" : `set ${f.fix} instead`;
    return `a secret inside a URL: drop it from the URL by hand and ${instead}`;
  }
  if (f.key === "token" && id !== undefined && fixFor(f.section, f.key) !== "hub-setup") return undefined;
  if (id !== undefined && (f.key === "password" || f.key === "client_secret")) {
    return `the secret store keeps tokens only: delete it and set ${fixFor(f.section, f.key)} instead`;
  }
  if (id !== undefined && f.key === "token")
    return "its server id has no exportable variable: run `hub-setup` to rename the server and move the token";
  if (fileTypeOf(f) !== "ini")
    return "--fix moves tokens out of ansible.cfg files only: take the value out of this file as the check's fix for it says";
  return "not a galaxy server's token: remove it by hand (run `hub-setup` for hub tokens)";
}

/**
 * What `--fix` would do with a finding, as planFileFix decides it: move its token into the store, drop
 * its commented-out line, or nothing (left to the user). Backup copies are the caller's to rule out.
 */
export function fixAction(f: Finding): "move" | "drop" | undefined {
  if (f.place === "comment") return "drop";
  if (f.place === "text") return undefined;
  return notMovable(f) === undefined ? "move" : undefined;
}

/**
 * What `--fix` does to one working-tree file: tokens of `[galaxy_server.<id>]` go to the store and
 * their options are removed with core's lossless editor; commented-out secrets are deleted (a comment
 * in git is a leak, and Ansible never read it); everything else is left to the user, with the reason.
 * Tokens on the lines in `keep` stay where they are (the caller says why: the store holds another one).
 */
export function planFileFix(
  path: string,
  original: string,
  keep: ReadonlySet<number> = new Set(),
): FileFixPlan {
  const findings = scanConfigText(path, original).findings;
  const manual: ManualFix[] = [];
  const dropped = new Set<number>();
  const movable: Finding[] = [];
  for (const f of findings) {
    if (f.place === "comment") dropped.add(f.line);
    else if (f.place === "text") manual.push(manualFor(f, "a token in free text: remove it by hand"));
    else {
      const why = notMovable(f);
      if (why !== undefined) manual.push(manualFor(f, why));
      else if (!keep.has(f.line)) movable.push(f);
    }
  }
  const withoutComments = dropLines(original, dropped);
  if (movable.length === 0)
    return { text: withoutComments, moves: [], droppedComments: [...dropped], manual };
  const parsed = parseAnsibleConfig(withoutComments);
  if (!parsed.ok) {
    const why = `Ansible refuses this file (${parsed.error.message}): repair it, then run --fix again`;
    for (const f of movable) manual.push(manualFor(f, why));
    return { text: withoutComments, moves: [], droppedComments: [...dropped], manual };
  }
  const config = parsed.config;
  const moves: TokenMove[] = [];
  config.transaction((c) => {
    for (const f of movable) {
      const section = f.section ?? "";
      const raw = c.getOwn(section, "token");
      if (raw === undefined) continue;
      // `${AH_TOKEN:=<token>}`: the token is the reference's default, not the reference.
      const text = unquote(raw.trim()).text.trim();
      const verdict = judgeValue(text, true);
      const value = verdict.secret && verdict.inner !== undefined ? verdict.inner.text : undefined;
      const classified = classifyToken(value ?? raw);
      const token = classified.ok ? classified.value : (value ?? text);
      moves.push({ serverId: serverIdOf(section) ?? "", section, line: f.line, token });
      c.remove(section, "token");
    }
  });
  return { text: config.toString(), moves, droppedComments: [...dropped], manual };
}
