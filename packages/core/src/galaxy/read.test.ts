import { describe, expect, it } from "vitest";
import { parseAnsibleConfig } from "../cfg/parse.js";
import type { AnsibleConfig } from "../cfg/document.js";
import { readGalaxyServers } from "./read.js";

function parse(text: string): AnsibleConfig {
  const r = parseAnsibleConfig(text);
  if (!r.ok) throw r.error;
  return r.config;
}

const CFG = parse(
  [
    "[galaxy]",
    "server_list = automation_hub, 'my-hub',",
    "    private_hub",
    "",
    "[galaxy_server.automation_hub]",
    'url = "https://console.redhat.com/api/automation-hub/content/published/"',
    "auth_url = https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
    "token = from-file",
    "",
    "[galaxy_server.private_hub]",
    "url = https://hub.example.com/api/galaxy/",
    "validate_certs = no",
    "username = admin",
    "token = ignored",
    "",
  ].join("\n"),
);

describe("readGalaxyServers resolves like ansible-galaxy", () => {
  it("reads server_list from the file: split on commas, stripped, unquoted, continuation lines included", () => {
    const v = readGalaxyServers(CFG, {});
    expect(v.serverList).toEqual({
      ids: ["automation_hub", "my-hub", "private_hub"],
      source: "file",
      line: 2,
    });
  });

  it("ANSIBLE_GALAXY_SERVER_LIST beats the file, even when empty", () => {
    expect(readGalaxyServers(CFG, { ANSIBLE_GALAXY_SERVER_LIST: "b, a" }).serverList).toEqual({
      ids: ["b", "a"],
      source: "env",
      envVar: "ANSIBLE_GALAXY_SERVER_LIST",
    });
    expect(readGalaxyServers(CFG, { ANSIBLE_GALAXY_SERVER_LIST: "" }).serverList.ids).toEqual([]);
    expect(readGalaxyServers(undefined, {}).serverList).toEqual({ ids: [], source: "default" });
  });

  it("gives each value with its source: env beats file beats default; strings unquoted", () => {
    const [hub] = readGalaxyServers(CFG, {
      ANSIBLE_GALAXY_SERVER_AUTOMATION_HUB_TOKEN: "'from-env'",
    }).servers;
    expect(hub?.url).toEqual({
      value: "https://console.redhat.com/api/automation-hub/content/published/",
      source: "file",
      line: 6,
      section: "galaxy_server.automation_hub",
    });
    expect(hub?.token).toEqual({
      value: "from-env",
      source: "env",
      envVar: "ANSIBLE_GALAXY_SERVER_AUTOMATION_HUB_TOKEN",
    });
    expect(hub?.clientId).toMatchObject({ value: "cloud-services", source: "default" });
    expect(hub?.validateCerts).toMatchObject({ value: "true", enabled: true, source: "default" });
    expect(hub?.auth).toBe("keycloak");
    expect(hub?.sectionExists).toBe(true);
  });

  it("booleans the loose Ansible way; username means basic auth and a warning", () => {
    const v = readGalaxyServers(CFG, {});
    const priv = v.servers.find((s) => s.id === "private_hub");
    expect(priv?.validateCerts).toMatchObject({ value: "false", enabled: false, source: "file", line: 12 });
    expect(priv?.auth).toBe("basic");
    expect(v.problems.map((p) => [p.code, p.id])).toContainEqual(["USERNAME_OVERRIDES_TOKEN", "private_hub"]);
  });

  it("flags ids outside [a-z0-9_]+ and a listed server with neither a section nor an env url", () => {
    const v = readGalaxyServers(CFG, {});
    const my = v.servers.find((s) => s.id === "my-hub");
    expect(my?.idProblem?.suggestion).toBe("my_hub");
    expect(my?.sectionExists).toBe(false);
    expect(v.problems.filter((p) => p.id === "my-hub").map((p) => p.code)).toEqual([
      "SERVER_ID_PROBLEM",
      "LISTED_WITHOUT_SECTION",
    ]);
    const withEnvUrl = readGalaxyServers(CFG, { "ANSIBLE_GALAXY_SERVER_MY-HUB_URL": "https://x/" });
    expect(withEnvUrl.problems.filter((p) => p.id === "my-hub").map((p) => p.code)).toEqual([
      "SERVER_ID_PROBLEM",
    ]);
  });

  it("[DEFAULT] keys reach a server only through an existing section, and are reported", () => {
    const c = parse(
      "[DEFAULT]\ntoken = shared\n\n[galaxy]\nserver_list = a, b\n\n[galaxy_server.a]\nurl = https://a/\n",
    );
    const v = readGalaxyServers(c, {});
    expect(v.servers[0]?.token).toEqual({ value: "shared", source: "file", line: 2, section: "DEFAULT" });
    expect(v.servers[1]?.token).toBeUndefined();
    expect(v.problems.map((p) => p.code)).toEqual(["LISTED_WITHOUT_SECTION", "DEFAULT_KEY_INHERITED"]);
  });

  it("section names are case-sensitive, and the problem says so", () => {
    const c = parse("[galaxy]\nserver_list = MyHub\n[galaxy_server.myhub]\nurl = https://x/\n");
    const v = readGalaxyServers(c, {});
    const listed = v.problems.find((p) => p.code === "LISTED_WITHOUT_SECTION");
    expect(listed?.message).toMatch(
      /there is \[galaxy_server\.myhub\], but section names are case-sensitive/,
    );
    expect(v.problems.map((p) => p.code)).toEqual([
      "SERVER_ID_PROBLEM",
      "LISTED_WITHOUT_SECTION",
      "SECTION_NOT_LISTED",
    ]);
  });

  it("validate_certs defaults to the opposite of [galaxy] ignore_certs / ANSIBLE_GALAXY_IGNORE", () => {
    const c = parse("[galaxy]\nserver_list = a\nignore_certs = yes\n[galaxy_server.a]\nurl = https://a/\n");
    expect(readGalaxyServers(c, {}).servers[0]?.validateCerts).toMatchObject({
      enabled: false,
      source: "default",
    });
    expect(readGalaxyServers(c, { ANSIBLE_GALAXY_IGNORE: "false" }).servers[0]?.validateCerts).toMatchObject({
      enabled: true,
      note: "from ANSIBLE_GALAXY_IGNORE",
    });
  });

  it("works from the environment alone", () => {
    const v = readGalaxyServers(undefined, {
      ANSIBLE_GALAXY_SERVER_LIST: "envhub",
      ANSIBLE_GALAXY_SERVER_ENVHUB_URL: "https://hub/",
      ANSIBLE_GALAXY_SERVER_ENVHUB_TOKEN: "t",
    });
    expect(v.servers[0]).toMatchObject({ id: "envhub", sectionExists: false, auth: "token" });
    expect(v.problems).toEqual([]);
  });
});
