import { applyBaseline, parseBaseline } from "./baseline.js";
import type { CheckOptions } from "./options.js";
import type { CheckResult } from "./report/result.js";
import type { Finding, Note, Skipped } from "./scan/finding.js";
import { scanConfigText } from "./scan/scan-config.js";
import { collectFromPaths, collectStaged, judgeTracked, type Collected } from "./source/collect.js";
import { decodeConfig } from "./source/decode.js";
import type { FileReader } from "./source/disk.js";
import { GitCannotRunError, type GitRunner, type GitStreamer } from "./source/run-git.js";
import { HubSetupError } from "@hub-setup/core";

/**
 * The outside world a check needs: git (for the index; `gitStream` for `--all`, whose blobs are scanned
 * as git writes them) and the working tree.
 */
export type CheckPorts = { git: GitRunner; gitStream: GitStreamer; readFile: FileReader };

/** What the scan of a scope found, before the baseline: in the order the scope lists its files. */
type Scanned = { findings: Finding[]; notes: Note[]; skipped: Skipped[]; scanned: number };

function scanCollected(collected: Collected): Scanned {
  const findings: Finding[] = [];
  const notes: Note[] = [];
  for (const file of collected.files) {
    const r = scanConfigText(file.path, file.text);
    findings.push(...r.findings);
    notes.push(...r.notes);
  }
  return { findings, notes, skipped: collected.skipped, scanned: collected.files.length };
}

/** `--all`: each tracked file scanned as soon as git has written it; the results in index order. */
async function scanTracked(ports: CheckPorts): Promise<Scanned> {
  const judged = await judgeTracked(ports.git, ports.gitStream, (f) => scanConfigText(f.path, f.text));
  const out: Scanned = { findings: [], notes: [], skipped: [], scanned: 0 };
  for (const j of judged) {
    if ("skipped" in j) out.skipped.push(j.skipped);
    else {
      out.scanned += 1;
      out.findings.push(...j.judged.findings);
      out.notes.push(...j.judged.notes);
    }
  }
  return out;
}

async function readBaseline(read: FileReader, path: string) {
  const r = await read(path);
  if (!r.ok) {
    throw new HubSetupError("USAGE", `cannot read the baseline ${path}: ${r.reason}`, {
      hint: "create it with `hub-token-check --write-baseline <file>`",
    });
  }
  const decoded = decodeConfig(r.bytes, path);
  if (!decoded.ok) throw new HubSetupError("USAGE", `the baseline ${path} is ${decoded.reason}`);
  return parseBaseline(decoded.text, path);
}

/** Outside a repository `git diff --cached` fails with a confusing message; say what is wrong instead. */
async function outsideRepository(git: GitRunner): Promise<boolean> {
  return git(["rev-parse", "--git-dir"]).then(
    () => false,
    () => true,
  );
}

function notARepository(cause: unknown): HubSetupError {
  return new HubSetupError("USAGE", "not inside a git repository, so there is nothing staged to scan", {
    hint: "run it inside a repository, or name the files to scan: hub-token-check path/to/ansible.cfg",
    cause,
  });
}

/** One scan: collect the files the scope names, scan them, leave out what the baseline accepts. */
export async function runCheck(opts: CheckOptions, ports: CheckPorts): Promise<CheckResult> {
  const fromIndex = <T>(reading: Promise<T>) =>
    reading.catch(async (error: unknown) => {
      // Where git cannot be started, asking it whether this is a repository would say "no".
      if (error instanceof GitCannotRunError) throw error;
      throw (await outsideRepository(ports.git)) ? notARepository(error) : error;
    });
  const { findings, notes, skipped, scanned } =
    opts.scope === "paths"
      ? scanCollected(await collectFromPaths(ports.readFile, opts.paths))
      : opts.scope === "staged"
        ? scanCollected(await fromIndex(collectStaged(ports.git)))
        : await fromIndex(scanTracked(ports));
  const useBaseline = opts.baseline !== undefined && opts.writeBaseline === undefined;
  const { kept, baselined } = useBaseline
    ? applyBaseline(findings, await readBaseline(ports.readFile, opts.baseline ?? ""))
    : { kept: findings, baselined: 0 };
  return { findings: kept, notes, skipped, scanned, baselined };
}
