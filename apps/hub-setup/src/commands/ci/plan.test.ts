import { RED_HAT_SSO_TOKEN_URL } from "@hub-setup/core";
import { fakeHubToken, fakeOfflineToken } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { CLI_NAMES } from "./options.js";
import { planCi, planVariables, secretsOf } from "./plan.js";

const OFFLINE = fakeOfflineToken("ci-plan");
const HUB = fakeHubToken("ci-plan");
const PAH = "https://hub.example.com/";

describe("planCi", () => {
  it("configures Red Hat's published repository by default from an offline token alone", () => {
    const plan = planCi({ offlineToken: OFFLINE }, CLI_NAMES);
    expect(plan.serverList).toEqual(["rh_published"]);
    expect(plan.hubs).toEqual([
      {
        kind: "cloud",
        token: OFFLINE,
        authUrl: RED_HAT_SSO_TOKEN_URL,
        servers: [
          {
            id: "rh_published",
            url: "https://console.redhat.com/api/automation-hub/content/published/",
            repository: "published",
          },
        ],
      },
    ]);
  });

  it("gives each hub the listed repositories it offers, Red Hat's first", () => {
    const plan = planCi(
      {
        offlineToken: OFFLINE,
        privateHubToken: HUB,
        privateHubUrl: PAH,
        repositories: " rh-certified, published,validated ",
      },
      CLI_NAMES,
    );
    expect(plan.serverList).toEqual([
      "rh_published",
      "rh_validated",
      "pah_published",
      "pah_rh_certified",
      "pah_validated",
    ]);
    const pah = plan.hubs[1];
    expect(pah?.kind).toBe("private");
    expect(pah?.authUrl).toBeUndefined();
    expect(pah?.servers.map((s) => s.url)).toEqual([
      "https://hub.example.com/api/galaxy/content/published/",
      "https://hub.example.com/api/galaxy/content/rh-certified/",
      "https://hub.example.com/api/galaxy/content/validated/",
    ]);
  });

  it("derives every repository's URL from the one cloud URL given, and keeps a custom SSO", () => {
    const plan = planCi(
      {
        offlineToken: OFFLINE,
        cloudUrl: "http://127.0.0.1:8080/api/automation-hub/content/published/",
        authUrl: "http://127.0.0.1:8080/auth/realms/redhat-external/protocol/openid-connect/token",
        repositories: "validated",
      },
      CLI_NAMES,
    );
    expect(plan.hubs[0]?.servers[0]?.url).toBe("http://127.0.0.1:8080/api/automation-hub/content/validated/");
    expect(plan.hubs[0]?.authUrl).toBe(
      "http://127.0.0.1:8080/auth/realms/redhat-external/protocol/openid-connect/token",
    );
  });

  it("renames the servers in order with server ids", () => {
    const plan = planCi(
      { offlineToken: OFFLINE, privateHubToken: HUB, privateHubUrl: PAH, serverIds: "cloud, mine" },
      CLI_NAMES,
    );
    expect(plan.serverList).toEqual(["cloud", "mine"]);
  });

  it("cleans a pasted token (quotes, a Bearer prefix) before exporting it, and masks both forms", () => {
    const inputs = { offlineToken: `"Bearer ${OFFLINE}"` };
    expect(planCi(inputs, CLI_NAMES).hubs[0]?.token).toBe(OFFLINE);
    expect(secretsOf(inputs)).toEqual([`"Bearer ${OFFLINE}"`, OFFLINE]);
  });

  it.each([
    [{}, /nothing to configure: neither HUB_SETUP_OFFLINE_TOKEN nor HUB_SETUP_PRIVATE_HUB_TOKEN/],
    [{ offlineToken: " " }, /nothing to configure/],
    [{ privateHubToken: HUB }, /HUB_SETUP_PRIVATE_HUB_TOKEN is set but --private-hub-url/],
    [
      { offlineToken: OFFLINE, privateHubUrl: PAH },
      /--private-hub-url .* is set but HUB_SETUP_PRIVATE_HUB_TOKEN is not/,
    ],
    [{ offlineToken: OFFLINE, repositories: "published,staging" }, /"staging" is not a repository/],
    [{ offlineToken: OFFLINE, repositories: "community" }, /Red Hat Automation Hub offers none of community/],
    [{ offlineToken: OFFLINE, serverIds: "a,b" }, /names 2 servers, but 1 are configured \(rh_published\)/],
    [{ offlineToken: OFFLINE, serverIds: "My-Hub" }, /"My-Hub": .*cannot be exported|upper-case/],
    [
      { offlineToken: OFFLINE, privateHubToken: HUB, privateHubUrl: PAH, serverIds: "x,x" },
      /"x" is given twice/,
    ],
  ])("refuses %j as a usage error saying why", (inputs, message) => {
    expect(() => planCi(inputs, CLI_NAMES)).toThrow(message);
    try {
      planCi(inputs, CLI_NAMES);
    } catch (error) {
      expect(error).toMatchObject({ code: "USAGE" });
    }
  });
});

describe("planVariables", () => {
  it("sets the list, then per server its URL, the SSO for Red Hat's hub only, and the token", () => {
    const plan = planCi(
      { offlineToken: OFFLINE, privateHubToken: HUB, privateHubUrl: PAH, authUrl: "https://sso.example/t" },
      CLI_NAMES,
    );
    expect(planVariables(plan)).toEqual([
      { name: "ANSIBLE_GALAXY_SERVER_LIST", value: "rh_published,pah_published", secret: false },
      {
        name: "ANSIBLE_GALAXY_SERVER_RH_PUBLISHED_URL",
        value: "https://console.redhat.com/api/automation-hub/content/published/",
        secret: false,
      },
      { name: "ANSIBLE_GALAXY_SERVER_RH_PUBLISHED_AUTH_URL", value: "https://sso.example/t", secret: false },
      { name: "ANSIBLE_GALAXY_SERVER_RH_PUBLISHED_TOKEN", value: OFFLINE, secret: true },
      {
        name: "ANSIBLE_GALAXY_SERVER_PAH_PUBLISHED_URL",
        value: "https://hub.example.com/api/galaxy/content/published/",
        secret: false,
      },
      { name: "ANSIBLE_GALAXY_SERVER_PAH_PUBLISHED_TOKEN", value: HUB, secret: true },
    ]);
  });
});
