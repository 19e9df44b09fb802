import type { Finding } from "../scan/finding.js";
import type { CheckResult } from "./result.js";
import { fixSentence, whereSentence } from "./result.js";
import { findingRule, NOTE_RULE_ID, noteRule, ruleId, type SarifRule } from "./sarif-rules.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://www.npmjs.com/package/hub-token-check";

/** A relative path as a SARIF artifact URI: forward slashes, each segment percent-encoded. */
export function artifactUri(path: string): string {
  return path.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

/** A 32-bit FNV-1a hash with a final avalanche, seeded; eight hex digits. */
function hash32(text: string, seed: number): string {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * A stable identity for a finding that survives lines moving: the file, section, key, kind and the
 * redacted form (already public), plus its rank among identical ones. Never derived from the secret,
 * so a plain (non-cryptographic) hash will do, and node:crypto stays off the start-up path.
 */
function fingerprint(f: Finding, rank: number): string {
  const material = [f.path, f.section ?? "", f.key ?? "", f.kind, f.redacted, String(rank)].join("\0");
  return [1, 2, 3, 4].map((seed) => hash32(material, seed)).join("");
}

function location(path: string, line: number, column: number, endColumn?: number) {
  const region =
    endColumn === undefined
      ? { startLine: line, startColumn: column }
      : { startLine: line, startColumn: column, endLine: line, endColumn };
  return {
    physicalLocation: { artifactLocation: { uri: artifactUri(path), uriBaseId: "%SRCROOT%" }, region },
  };
}

/** SARIF 2.1.0 as GitHub code scanning takes it (upload with github/codeql-action/upload-sarif). */
export function renderSarif(result: CheckResult, version: string): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (rule: SarifRule): number => {
    const known = ruleIndex.get(rule.id);
    if (known !== undefined) return known;
    ruleIndex.set(rule.id, rules.length);
    rules.push(rule);
    return rules.length - 1;
  };
  const seen = new Map<string, number>();
  const results = result.findings.map((f) => {
    const index = indexOf(findingRule(f.kind));
    const base = fingerprint(f, 0);
    const rank = seen.get(base) ?? 0;
    seen.set(base, rank + 1);
    return {
      ruleId: ruleId(f.kind),
      ruleIndex: index,
      level: "error",
      message: {
        text: `A plaintext ${f.kind} in ${whereSentence(f)}: ${f.redacted}. Fix: ${fixSentence(f)}.`,
      },
      locations: [location(f.path, f.line, f.column, f.endColumn)],
      partialFingerprints: { "hubTokenCheck/v1": rank === 0 ? base : fingerprint(f, rank) },
    };
  });
  const notes = result.notes.map((n) => ({
    ruleId: NOTE_RULE_ID,
    ruleIndex: indexOf(noteRule()),
    level: "note",
    message: { text: n.message },
    locations: [location(n.path, n.line, n.column)],
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "hub-token-check",
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The repository root." } } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.skipped.map((s) => ({
              level: "warning",
              message: { text: `skipped: ${s.reason}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(s.path), uriBaseId: "%SRCROOT%" },
                  },
                },
              ],
            })),
          },
        ],
        results: [...results, ...notes],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
