import type { Finding } from "../../src/scan/finding.js";
import type { CheckResult } from "../../src/report/result.js";

/** A finding as the scanner makes it, for the formatter tests. */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    path: "envs/prod cfg/ansible.cfg",
    line: 7,
    column: 9,
    endColumn: 49,
    kind: "hub token",
    key: "token",
    section: "galaxy_server.private_hub",
    redacted: "hub API token 0a1b…8e9f (40 chars)",
    fix: "ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_TOKEN",
    place: "value",
    ...overrides,
  };
}

export function sampleResult(findings: Finding[] = [sampleFinding()]): CheckResult {
  return {
    findings,
    notes: [
      {
        path: "ansible.cfg",
        line: 3,
        column: 9,
        key: "token",
        section: "galaxy_server.ah",
        message: "`${AH_TOKEN}` is not expanded",
      },
    ],
    skipped: [{ path: "blob.ini", reason: "binary (it holds a NUL byte)" }],
    scanned: 2,
    baselined: 0,
  };
}
