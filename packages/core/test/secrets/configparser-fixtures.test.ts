// What Ansible reads, for every ansible.cfg-shaped fixture: Python's configparser, configured as
// ansible-core configures it, confirms each finding. A secret found in a value is in a value Ansible
// reads (so Ansible sends it); one found in a comment is in NO value (ConfigParser strips it, git keeps
// it — still a leak). ok.* fixtures: nothing Ansible reads there is a secret we missed.
import { requireTool, secretsFixtures } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { isIniShaped, scanSecrets } from "../../src/index.js";
import { configparserViews } from "../cfg/configparser-oracle.js";

const python = requireTool("python3", "apt-get install python3");

/** Ansible opens ansible.cfg in text mode: universal newlines, so a lone CR ends a line. */
function asAnsibleOpensIt(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

describe.skipIf(!python.available)("ansible.cfg fixtures against Python's configparser", () => {
  const cases = secretsFixtures().filter((f) => isIniShaped(f.file, f.text));
  const views =
    cases.length > 0
      ? configparserViews(
          "python3",
          cases.map((f) => asAnsibleOpensIt(f.text)),
        )
      : [];

  it("has ansible.cfg-shaped fixtures of both outcomes", () => {
    expect(cases.filter((f) => f.name.startsWith("ng.")).length).toBeGreaterThanOrEqual(12);
    expect(cases.filter((f) => f.name.startsWith("ok.")).length).toBeGreaterThanOrEqual(4);
  });

  cases.forEach((f, i) => {
    it(f.name, () => {
      const view = views[i];
      expect(view?.ok, `${f.name}: configparser refused it: ${JSON.stringify(view)}`).toBe(true);
      if (view === undefined || !view.ok) return;
      const values = [
        ...Object.values(view.defaults),
        ...Object.values(view.sections).flatMap((s) => Object.values(s)),
      ];
      const lines = asAnsibleOpensIt(f.text).split("\n");
      for (const finding of scanSecrets(f.text, { path: f.file }).findings) {
        const secret = (lines[finding.line - 1] ?? "").slice(finding.column - 1, finding.endColumn - 1);
        const read = values.some((v) => v.includes(secret));
        const where = `${f.name} ${finding.line}:${finding.column} (${finding.place})`;
        expect(read, where).toBe(finding.place === "value");
        if (finding.place === "value" && finding.section != null && finding.section !== "DEFAULT") {
          expect(Object.keys(view.sections), where).toContain(finding.section);
        }
      }
    });
  });
});
