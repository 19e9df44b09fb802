import { describe, expect, it } from "vitest";
import { fakeOfflineToken } from "@hub-setup/test-utils";
import { findSecrets } from "../secrets/find-secrets.js";
import { contextTokenRisks } from "./risks.js";

const secret = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF";

describe("contextTokenRisks", () => {
  it("flags ansible.cfg token/password values, with = or :, and only redacted", () => {
    const risks = contextTokenRisks([
      {
        path: "_build/configs/ansible.cfg",
        text: `[galaxy_server.a]\ntoken = ${secret}\npassword: "pw-value-1234"\n[galaxy_server.b]\ntoken =\ntoken = ""\n`,
      },
    ]);
    expect(risks.map((r) => [r.line, r.key, r.file])).toEqual([
      [2, "token", "ansible-cfg"],
      [3, "password", "ansible-cfg"],
    ]);
    // The detector's redacted form: a password by its length only.
    expect(risks[1]?.redacted).toBe("password (13 chars)");
    expect(JSON.stringify(risks)).not.toContain(secret);
    expect(JSON.stringify(risks)).not.toContain("pw-value-1234");
  });

  it("flags ARG and ENV defaults for server tokens and passwords, in every ENV form", () => {
    const text = [
      `ARG ANSIBLE_GALAXY_SERVER_HUB_TOKEN=${secret}`,
      "ARG ANSIBLE_GALAXY_SERVER_OTHER_TOKEN",
      'ARG ANSIBLE_GALAXY_SERVER_EMPTY_TOKEN=""',
      `ENV ANSIBLE_GALAXY_SERVER_HUB_URL=https://x/ ANSIBLE_GALAXY_SERVER_HUB_PASSWORD='${secret}'`,
      `ENV ANSIBLE_GALAXY_SERVER_LEGACY_TOKEN ${secret}`,
      // The detector's rule: a literal value assigned in a RUN line lands in the layer's history too.
      "RUN echo ANSIBLE_GALAXY_SERVER_HUB_TOKEN=flagged-now",
    ].join("\n");
    const risks = contextTokenRisks([{ path: "Containerfile", text }]);
    expect(risks.map((r) => [r.line, r.key])).toEqual([
      [1, "ANSIBLE_GALAXY_SERVER_HUB_TOKEN"],
      [4, "ANSIBLE_GALAXY_SERVER_HUB_PASSWORD"],
      [5, "ANSIBLE_GALAXY_SERVER_LEGACY_TOKEN"],
      [6, "ANSIBLE_GALAXY_SERVER_HUB_TOKEN"],
    ]);
    expect(risks.every((r) => r.file === "containerfile")).toBe(true);
    expect(JSON.stringify(risks)).not.toContain(secret);
  });

  it("reads every file as the detector does, whatever its name: it is the one authority", () => {
    const offline = fakeOfflineToken("ee-risks");
    const files = [
      // `token = …` is no YAML setting: the detector does not flag it in a .yml, so neither does ee.
      { path: "_build/requirements.yml", text: `token = ${secret}\n` },
      { path: "Dockerfile", text: `ARG ANSIBLE_GALAXY_SERVER_X_TOKEN=${secret}\n` },
      { path: "_build/.ansible.cfg", text: `token = ${secret}\n` },
      { path: "_build/scripts/fetch.sh", text: `curl -d refresh_token=${offline} https://sso.example/\n` },
      { path: "_build/notes.txt", text: `ARG AH_TOKEN=${offline}\n` },
    ];
    const risks = contextTokenRisks(files);
    expect(risks.map((r) => [r.path, r.file])).toEqual([
      ["Dockerfile", "containerfile"],
      ["_build/.ansible.cfg", "ansible-cfg"],
      ["_build/scripts/fetch.sh", "other"],
      ["_build/notes.txt", "other"],
    ]);
    for (const f of files) {
      expect(
        risks
          .filter((r) => r.path === f.path)
          .map(({ line, column, kind, key, redacted }) => ({ line, column, kind, key, redacted })),
      ).toEqual(
        findSecrets(f.text, { path: f.path }).map(({ line, column, kind, key, redacted }) => ({
          line,
          column,
          kind,
          key,
          redacted,
        })),
      );
    }
    expect(JSON.stringify(risks)).not.toContain(offline);
  });
});
