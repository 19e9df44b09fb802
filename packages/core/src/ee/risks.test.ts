import { describe, expect, it } from "vitest";
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
    expect(risks.map((r) => [r.line, r.key, r.kind])).toEqual([
      [2, "token", "ansible-cfg-secret"],
      [3, "password", "ansible-cfg-secret"],
    ]);
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
      "RUN echo ANSIBLE_GALAXY_SERVER_HUB_TOKEN=notflagged",
    ].join("\n");
    const risks = contextTokenRisks([{ path: "Containerfile", text }]);
    expect(risks.map((r) => [r.line, r.key])).toEqual([
      [1, "ANSIBLE_GALAXY_SERVER_HUB_TOKEN"],
      [4, "ANSIBLE_GALAXY_SERVER_HUB_PASSWORD"],
      [5, "ANSIBLE_GALAXY_SERVER_LEGACY_TOKEN"],
    ]);
    expect(JSON.stringify(risks)).not.toContain(secret);
  });

  it("looks only at ansible.cfg-like and Containerfile-like files", () => {
    const files = [
      { path: "_build/requirements.yml", text: `token = ${secret}\n` },
      { path: "Dockerfile", text: `ARG ANSIBLE_GALAXY_SERVER_X_TOKEN=${secret}\n` },
      { path: "_build/.ansible.cfg", text: `token = ${secret}\n` },
    ];
    expect(contextTokenRisks(files).map((r) => r.path)).toEqual(["Dockerfile", "_build/.ansible.cfg"]);
  });
});
