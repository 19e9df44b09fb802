import { fakeHubToken, showsSecret } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { scanConfigText } from "../scan/scan-config.js";
import type { Finding } from "../scan/finding.js";
import type { CheckResult } from "./result.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";

const token = fakeHubToken("file-types");
const VAR = "ANSIBLE_GALAXY_SERVER_PAH_TOKEN";

function resultOf(path: string, text: string): CheckResult {
  const findings = scanConfigText(path, text).findings;
  return { findings, notes: [], skipped: [], scanned: 1, baselined: 0 };
}

function only(result: CheckResult): Finding {
  expect(result.findings).toHaveLength(1);
  return result.findings[0] as Finding;
}

type SarifText = { runs: { results: { message: { text: string } }[] }[] };

function sarifMessage(result: CheckResult): string {
  const sarif = JSON.parse(renderSarif(result, "0.0.0")) as SarifText;
  return sarif.runs[0]?.results[0]?.message.text ?? "";
}

/** Each file type: the file, where the finding is said to be, and what its fix must and must not say. */
const CASES: {
  name: string;
  path: string;
  text: string;
  where: string;
  fix: string[];
}[] = [
  {
    name: "a .env file",
    path: ".env",
    text: `${VAR}=${token}\n`,
    where: `line 1 (an env file), variable ${VAR}`,
    fix: [
      "keep .env files out of git",
      "`git rm --cached -- .env` if it is staged",
      ".env.example",
      `\`hub-setup exec -- <command>\` put ${VAR}`,
    ],
  },
  {
    name: "a Containerfile",
    path: "ee/Containerfile",
    text: `FROM registry.example.com/ee-minimal\nENV ${VAR}=${token}\n`,
    where: `line 2 (a Containerfile), variable ${VAR}`,
    fix: ["stays in the image's layers", "build secret", "`hub-setup ee build`"],
  },
  {
    name: "a GitHub Actions workflow",
    path: ".github/workflows/build.yml",
    text: `jobs:\n  build:\n    env:\n      ${VAR}: ${token}\n`,
    where: `line 4 (a CI config), variable ${VAR}`,
    fix: ["CI's secret store", `\${{ secrets.${VAR} }}`, "masked", "`hub-setup ci`"],
  },
  {
    name: "a GitLab CI file",
    path: ".gitlab-ci.yml",
    text: `variables:\n  ${VAR}: "${token}"\n`,
    where: `line 2 (a CI config), variable ${VAR}`,
    fix: ["CI's secret store", "masked", "`hub-setup ci`"],
  },
  {
    name: "a shell script",
    path: "scripts/install.sh",
    text: `#!/bin/sh\nexport ${VAR}='${token}'\n`,
    where: `line 2 (a shell script), variable ${VAR}`,
    fix: [`read ${VAR} from the environment`, "`hub-setup exec -- <command>`"],
  },
  {
    name: "Ansible YAML vars",
    path: "group_vars/all.yml",
    text: `ah_host: https://hub.example.com\nah_token: ${token}\n`,
    where: "line 2 (a YAML file), key ah_token",
    fix: ["ansible-vault", "lookup('env'"],
  },
  {
    name: "a JSON file",
    path: "exports/env.json",
    text: `{\n  "${VAR}": "${token}"\n}\n`,
    where: `line 2 (a JSON file), variable ${VAR}`,
    fix: ["strip it from the export", "the environment or the secret store"],
  },
  {
    name: "other text",
    path: "docs/notes.txt",
    text: `Run with ${VAR}=${token} set.\n`,
    where: `line 1, variable ${VAR}`,
    fix: [`from the environment (${VAR}) or the secret store`],
  },
];

describe("the wording of a finding outside an INI file (by file type)", () => {
  for (const c of CASES) {
    it(`${c.name}: names the line and variable or key, and a fix that fits`, () => {
      const result = resultOf(c.path, c.text);
      only(result);
      const text = renderText(result, "hub-token-check --fix");
      expect(text).toContain(` in ${c.where}: `);
      expect(text).toContain("    fix: take the value out of this file");
      for (const part of c.fix) expect(text).toContain(part);
      // The INI wording belongs to INI files: no sections here, and not "set it in the environment".
      expect(text).not.toContain("before any section");
      expect(text).not.toContain("in the environment instead");
      // Nothing here is one --fix fixes, so the closing advice does not offer it.
      expect(text).not.toContain("--fix");
      expect(text).toContain("Take each value out of its file as its fix above says");
      expect(showsSecret(text, token)).toBe(false);
      // SARIF says the same place and the same fix.
      const message = sarifMessage(result);
      expect(message).toContain(` in ${c.where}: `);
      for (const part of c.fix) expect(message).toContain(part);
      const fixLine = text.split("\n").find((l) => l.startsWith("    fix: ")) ?? "";
      expect(message).toContain(`Fix: ${fixLine.slice("    fix: ".length)}.`);
      expect(showsSecret(message, token)).toBe(false);
    });
  }

  it("an ansible.cfg keeps its section-and-key wording and the --fix advice", () => {
    const result = resultOf("ansible.cfg", `[galaxy_server.pah]\ntoken = ${token}\n`);
    only(result);
    const text = renderText(result, "hub-token-check --fix");
    expect(text).toContain(" in [galaxy_server.pah] token: ");
    expect(text).toContain(`set ${VAR} in the environment instead`);
    expect(text).toContain("`hub-token-check --fix` moves the tokens into the secret store");
    expect(text).not.toContain("It leaves the other findings to you");
    expect(showsSecret(text, token)).toBe(false);
  });

  it("an INI option before any section is still worded as INI", () => {
    const result = resultOf("ansible.cfg", `token = ${token}\n[galaxy]\n`);
    only(result);
    expect(renderText(result)).toContain(" in before any section token: ");
  });

  it("a commented-out variable in a .env file: --fix deletes it, and the advice says so", () => {
    const result = resultOf(".env", `# ${VAR}=${token}\n`);
    only(result);
    const text = renderText(result, "hub-token-check --fix");
    expect(text).toContain(`in line 1 (an env file), in a commented-out variable ${VAR}`);
    expect(text).toContain("`hub-token-check --fix` deletes the commented-out secrets from the files");
    expect(showsSecret(text, token)).toBe(false);
  });

  it("--fix for the ansible.cfg, and the others left to the user, when both are found", () => {
    const cfg = resultOf("ansible.cfg", `[galaxy_server.pah]\ntoken = ${token}\n`);
    const env = resultOf(".env", `${VAR}=${token}\n`);
    const text = renderText(
      { ...cfg, findings: [...cfg.findings, ...env.findings] },
      "hub-token-check --fix",
    );
    expect(text).toContain("`hub-token-check --fix` moves the tokens into the secret store");
    expect(text).toContain("It leaves the other findings to you: take each value out as its fix above says.");
    expect(showsSecret(text, token)).toBe(false);
  });
});
