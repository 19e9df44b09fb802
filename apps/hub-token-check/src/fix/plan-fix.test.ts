import { describe, expect, it } from "vitest";
import { fakeHubToken, fakeOfflineToken } from "../../test/support/fake-tokens.js";
import { planFileFix } from "./plan-fix.js";

const hub = fakeHubToken("fix");
const offline = fakeOfflineToken("fix");

describe("planFileFix", () => {
  it("moves each galaxy server's token out, keeping every other byte (comments, CRLF, order)", () => {
    const text = [
      "# my hubs\r\n",
      "[galaxy_server.private_hub]\r\n",
      "url = https://hub.example.com/api/galaxy/ ; lab\r\n",
      `token = "${hub}"\r\n`,
      "\r\n",
      "[galaxy_server.automation_hub]\r\n",
      "url = https://console.redhat.com/api/automation-hub/content/published/\r\n",
      "token =\r\n",
      `    ${offline}\r\n`,
      "auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token\r\n",
    ].join("");
    const plan = planFileFix("ansible.cfg", text);
    expect(plan.moves.map((m) => [m.serverId, m.token, m.line])).toEqual([
      ["private_hub", hub, 4],
      ["automation_hub", offline, 9],
    ]);
    expect(plan.text).toBe(
      [
        "# my hubs\r\n",
        "[galaxy_server.private_hub]\r\n",
        "url = https://hub.example.com/api/galaxy/ ; lab\r\n",
        "\r\n",
        "[galaxy_server.automation_hub]\r\n",
        "url = https://console.redhat.com/api/automation-hub/content/published/\r\n",
        "auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token\r\n",
      ].join(""),
    );
    expect(plan.manual).toEqual([]);
  });

  it("deletes commented-out secrets and leaves what it cannot move to the user, saying why", () => {
    const text = [
      "[galaxy_server.private_hub]",
      "url = https://hub.example.com/api/galaxy/",
      `#token = ${hub}`,
      "username = admin",
      "password = Sup3r-Secret!",
      "",
      "[galaxy]",
      `token = ${hub}`,
      "",
    ].join("\n");
    const plan = planFileFix("ansible.cfg", text);
    expect(plan.moves).toEqual([]);
    expect(plan.droppedComments).toEqual([3]);
    expect(plan.text).not.toContain(hub.slice(0, 20) + "x");
    expect(plan.text.split("\n")).toHaveLength(8);
    expect(plan.manual.map((m) => [m.line, m.why.slice(0, 40)])).toEqual([
      [5, "the secret store keeps tokens only: dele"],
      [8, "not a galaxy server's token: remove it b"],
    ]);
    expect(plan.manual[0]?.why).toContain("ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_PASSWORD");
  });

  it("moves the default of ${VAR:=token}, not the reference around it", () => {
    const text = `[galaxy_server.ah]\nurl = https://hub.example.com/\ntoken = \${AH_TOKEN:=${hub}}\n`;
    const plan = planFileFix("ansible.cfg", text);
    expect(plan.moves.map((m) => [m.serverId, m.token, m.line])).toEqual([["ah", hub, 3]]);
    expect(plan.text).toBe("[galaxy_server.ah]\nurl = https://hub.example.com/\n");
  });

  it("leaves the tokens on the lines it is told to keep, moving the others", () => {
    const text = ["[galaxy_server.a]", `token = ${hub}`, "[galaxy_server.b]", `token = ${offline}`, ""].join(
      "\n",
    );
    const plan = planFileFix("ansible.cfg", text, new Set([2]));
    expect(plan.moves.map((m) => [m.serverId, m.line])).toEqual([["b", 4]]);
    expect(plan.text).toBe(`[galaxy_server.a]\ntoken = ${hub}\n[galaxy_server.b]\n`);
    expect(plan.manual).toEqual([]);
  });

  it("leaves a secret inside a URL to the user, saying to drop it from the URL", () => {
    const text = "[galaxy_server.hub]\nurl = https://admin:S3cr3t-Passw0rd@hub.example.com/api/galaxy/\n";
    const plan = planFileFix("ansible.cfg", text);
    expect(plan.text).toBe(text);
    expect(plan.moves).toEqual([]);
    expect(plan.manual).toEqual([
      {
        line: 2,
        kind: "password in url",
        where: "[galaxy_server.hub]",
        why: "a secret inside a URL: drop it from the URL by hand and set ANSIBLE_GALAXY_SERVER_HUB_PASSWORD instead",
      },
    ]);
  });

  it("moves nothing out of a file Ansible refuses, and says to repair it first", () => {
    const text = `[galaxy_server.a]\nurl = x\n[galaxy_server.a]\ntoken = ${hub}\n`;
    const plan = planFileFix("ansible.cfg", text);
    expect(plan.moves).toEqual([]);
    expect(plan.text).toBe(text);
    expect(plan.manual[0]?.why).toContain("Ansible refuses this file");
  });

  it("outside ansible.cfg: drops a commented-out secret, and names the line and variable of one it leaves", () => {
    const v = "ANSIBLE_GALAXY_SERVER_PAH_TOKEN";
    const plan = planFileFix(".env", `# ${v}=${hub}\n${v}=${hub}\n`);
    expect(plan.moves).toEqual([]);
    expect(plan.droppedComments).toEqual([1]);
    expect(plan.text).toBe(`${v}=${hub}\n`);
    expect(plan.manual).toEqual([
      {
        line: 2,
        kind: "hub token",
        where: `line 2 (an env file), variable ${v}`,
        why: "--fix moves tokens out of ansible.cfg files only: take the value out of this file as the check's fix for it says",
      },
    ]);
  });
});
