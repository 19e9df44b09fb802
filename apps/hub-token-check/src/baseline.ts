import { HubSetupError } from "@hub-setup/core";
import { FINDING_KINDS, type Finding, type FindingKind } from "./scan/finding.js";

/**
 * A baseline lists findings a team has accepted for now (each by file, section, key, kind and redacted
 * form, so that moving lines keeps it valid and a new token under the same key is still reported).
 * It holds only redacted forms, so it is safe to commit.
 */
export type BaselineEntry = {
  path: string;
  section: string | null;
  key: string | null;
  kind: FindingKind;
  redacted: string;
};

const VERSION = 1;

function identity(e: BaselineEntry): string {
  return JSON.stringify([e.path, e.section, e.key, e.kind, e.redacted]);
}

function isEntry(v: unknown): v is BaselineEntry {
  if (typeof v !== "object" || v == null) return false;
  const e = v as Record<string, unknown>;
  const nullableString = (x: unknown) => x == null || typeof x === "string";
  return (
    typeof e["path"] === "string" &&
    nullableString(e["section"]) &&
    nullableString(e["key"]) &&
    FINDING_KINDS.includes(e["kind"] as FindingKind) &&
    typeof e["redacted"] === "string"
  );
}

export function parseBaseline(text: string, source: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HubSetupError("USAGE", `${source} is not JSON: ${(error as Error).message}`, {
      hint: "write it again with `hub-token-check --write-baseline <file>`",
    });
  }
  const findings = (data as { version?: unknown; findings?: unknown } | null)?.findings;
  if (
    (data as { version?: unknown } | null)?.version !== VERSION ||
    !Array.isArray(findings) ||
    !findings.every(isEntry)
  ) {
    throw new HubSetupError("USAGE", `${source} is not a hub-token-check baseline (version ${VERSION})`, {
      hint: "write it again with `hub-token-check --write-baseline <file>`",
    });
  }
  return findings;
}

/** Findings not covered by the baseline; each baseline entry covers one finding. */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: readonly BaselineEntry[],
): { kept: Finding[]; baselined: number } {
  const budget = new Map<string, number>();
  for (const e of baseline) budget.set(identity(e), (budget.get(identity(e)) ?? 0) + 1);
  const kept: Finding[] = [];
  let baselined = 0;
  for (const f of findings) {
    const id = identity(f);
    const left = budget.get(id) ?? 0;
    if (left > 0) {
      budget.set(id, left - 1);
      baselined++;
    } else kept.push(f);
  }
  return { kept, baselined };
}

export function renderBaseline(findings: readonly Finding[]): string {
  const entries: BaselineEntry[] = findings.map((f) => ({
    path: f.path,
    section: f.section,
    key: f.key,
    kind: f.kind,
    redacted: f.redacted,
  }));
  return `${JSON.stringify({ version: VERSION, findings: entries }, null, 2)}\n`;
}
