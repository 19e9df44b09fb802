import { describe, expect, it } from "vitest";
import { FINDING_KINDS } from "../scan/finding.js";
import { renderJson } from "./json.js";
import { sampleFinding, sampleResult } from "../../test/support/sample-result.js";
import { artifactUri, renderSarif, SARIF_SCHEMA } from "./sarif.js";
import { renderText } from "./text.js";

type Sarif = {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        informationUri: string;
        version: string;
        rules: { id: string; defaultConfiguration: { level: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> };
      }[];
      partialFingerprints?: Record<string, string>;
    }[];
    invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
  }[];
};

describe("text", () => {
  it("gives path:line:col, the kind, where, the redacted value and the fix", () => {
    const text = renderText(sampleResult());
    expect(text).toContain(
      "envs/prod cfg/ansible.cfg:7:9: hub token in [galaxy_server.private_hub] token: hub API token 0a1b…8e9f (40 chars)",
    );
    expect(text).toContain("set ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_TOKEN in the environment instead");
    expect(text).toContain("ansible.cfg:3:9: note: `${AH_TOKEN}` is not expanded");
    expect(text).toContain("blob.ini: skipped: binary");
    expect(text).toContain("1 plaintext secret in 1 file");
  });

  it("is silent when nothing was found and nothing was skipped", () => {
    expect(renderText({ findings: [], notes: [], skipped: [], scanned: 3, baselined: 0 })).toBe("");
  });

  it("says a token in a comment is still a leak, and names hub-setup when no variable fits", () => {
    const text = renderText(
      sampleResult([sampleFinding({ place: "comment", fix: "hub-setup", section: "galaxy" })]),
    );
    expect(text).toContain("[galaxy], in a commented-out token (a comment in git is still a leak)");
    expect(text).toContain("run `hub-setup`");
  });

  it("says to drop a secret from its URL, and to delete a backup copy or keep it out of git", () => {
    const inUrl = sampleFinding({
      kind: "password in url",
      key: "url",
      redacted: "password (15 chars)",
      fix: "ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_PASSWORD",
    });
    const backup = sampleFinding({ path: "old copy/ansible.cfg.bak" });
    const text = renderText(sampleResult([inUrl, backup]));
    expect(text).toContain(
      "ansible.cfg:7:9: password in url in [galaxy_server.private_hub] url: password (15 chars)\n" +
        "    fix: drop it from the URL (keep the URL without it) and set ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_PASSWORD in the environment instead",
    );
    expect(text).toContain(
      "old copy/ansible.cfg.bak:7:9: hub token in [galaxy_server.private_hub] token: hub API token 0a1b…8e9f (40 chars)\n" +
        "    fix: a backup copy of a config file, holding an old token: delete it, or keep it out of git (`git rm --cached -- 'old copy/ansible.cfg.bak'` if it is staged",
    );
  });
});

describe("json", () => {
  it("has exactly the documented fields, 1-based", () => {
    const json = JSON.parse(renderJson(sampleResult())) as {
      findings: Record<string, unknown>[];
      skipped: unknown[];
    };
    expect(Object.keys(json).sort()).toEqual(["findings", "notes", "skipped"]);
    expect(json.findings[0]).toEqual({
      path: "envs/prod cfg/ansible.cfg",
      line: 7,
      column: 9,
      kind: "hub token",
      key: "token",
      section: "galaxy_server.private_hub",
      redacted: "hub API token 0a1b…8e9f (40 chars)",
      fix: "ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_TOKEN",
    });
    expect(json.skipped).toEqual([{ path: "blob.ini", reason: "binary (it holds a NUL byte)" }]);
  });
});

describe("sarif", () => {
  const sarif = JSON.parse(
    renderSarif(
      sampleResult([
        sampleFinding(),
        sampleFinding({ line: 9, kind: "offline token", redacted: "offline token eyJh…abcd (812 chars)" }),
      ]),
      "1.2.3",
    ),
  ) as Sarif;
  const run = sarif.runs[0];

  it("is SARIF 2.1.0 with the driver GitHub code scanning needs", () => {
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toBe(SARIF_SCHEMA);
    expect(run?.tool.driver).toMatchObject({ name: "hub-token-check", version: "1.2.3" });
    expect(run?.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it("gives each result a rule that exists, a level, a message, a location and a fingerprint", () => {
    const rules = run?.tool.driver.rules ?? [];
    expect(run?.results.length).toBe(3);
    for (const r of run?.results ?? []) {
      expect(rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(["error", "note"]).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(10);
      expect(r.locations[0]?.physicalLocation.region["startLine"]).toBeGreaterThan(0);
      expect(r.locations[0]?.physicalLocation.region["startColumn"]).toBeGreaterThan(0);
    }
    const findings = run?.results.filter((r) => r.level === "error") ?? [];
    expect(findings[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: "envs/prod%20cfg/ansible.cfg", uriBaseId: "%SRCROOT%" },
      region: { startLine: 7, startColumn: 9, endLine: 7, endColumn: 49 },
    });
    const prints = findings.map((r) => r.partialFingerprints?.["hubTokenCheck/v1"]);
    expect(prints.every((p) => typeof p === "string" && p.length === 32)).toBe(true);
    expect(new Set(prints).size).toBe(2);
    expect(run?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toContain("binary");
  });

  it("keeps a finding's fingerprint when lines move", () => {
    const at = (line: number) =>
      (JSON.parse(renderSarif(sampleResult([sampleFinding({ line })]), "0")) as Sarif).runs[0]?.results[0]
        ?.partialFingerprints;
    expect(at(7)).toEqual(at(70));
  });

  it("has a rule for every kind", () => {
    for (const kind of FINDING_KINDS) {
      const out = JSON.parse(renderSarif(sampleResult([sampleFinding({ kind })]), "0")) as Sarif;
      expect(out.runs[0]?.tool.driver.rules.map((r) => r.id)).toContain(
        `hub-token-check/${kind.replace(/ /g, "-")}`,
      );
    }
  });

  it("encodes odd characters in artifact URIs", () => {
    expect(artifactUri("a b/c#d/ansible.cfg")).toBe("a%20b/c%23d/ansible.cfg");
    expect(artifactUri("odd\nname/x.cfg")).toBe("odd%0Aname/x.cfg");
  });
});
