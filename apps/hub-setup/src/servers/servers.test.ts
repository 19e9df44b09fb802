import { describe, expect, it } from "vitest";
import { hubToken, offlineToken, server } from "../../test/support/fake-ports.js";
import { hubKind, pickToken, viewServer, viewServers } from "./servers.js";

const SSO = "https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token";

describe("hub kind", () => {
  it("is cloud with an auth_url or on Red Hat's hub, galaxy on galaxy.ansible.com, else private", () => {
    expect(hubKind("https://hub.example.test/api/galaxy/", SSO)).toBe("cloud");
    expect(hubKind("https://console.redhat.com/api/automation-hub/content/published/", undefined)).toBe(
      "cloud",
    );
    expect(hubKind("http://127.0.0.1:8080/api/automation-hub/content/validated/", undefined)).toBe("cloud");
    expect(hubKind("https://galaxy.ansible.com/", undefined)).toBe("galaxy");
    expect(hubKind("https://hub.example.test/api/galaxy/content/published/", undefined)).toBe("private");
    expect(hubKind("not a url", undefined)).toBe("private");
    expect(hubKind(undefined, "")).toBe("private");
  });
});

describe("which token a server uses", () => {
  const env = hubToken(1);
  const stored = hubToken(2);
  const file = hubToken(3);
  it("takes the environment first, then the store, then the file", () => {
    expect(pickToken(server("a", { token: [env, "env"] }), stored)?.origin).toBe("env");
    expect(pickToken(server("a", { token: file }), stored)).toMatchObject({ origin: "store", value: stored });
    expect(pickToken(server("a", { token: file }), undefined)).toMatchObject({ origin: "file", value: file });
    expect(pickToken(server("a"), undefined)).toBeUndefined();
    expect(pickToken(server("a", { token: ["  ", "env"] }), "")).toBeUndefined();
  });

  it("names the variable and redacts the value", () => {
    const t = pickToken(server("rh_cloud"), offlineToken());
    expect(t?.envVar).toBe("ANSIBLE_GALAXY_SERVER_RH_CLOUD_TOKEN");
    expect(t?.kind).toBe("offline");
    expect(t?.redacted).toMatch(/^offline token eyJh…/);
  });

  it("gives no token to a server with a user name (Ansible uses Basic auth and ignores it)", () => {
    const v = viewServer(
      server("b", { url: "https://h/", username: "admin", password: "pw", token: file }),
      stored,
    );
    expect(v.basicAuth).toBe(true);
    expect(v.token).toBeUndefined();
    expect(v.plaintextInFile).toEqual(["token", "password"]);
  });
});

describe("problems found without the network", () => {
  const messages = (v: ReturnType<typeof viewServer>) => v.problems.map((p) => `${p.severity}: ${p.message}`);

  it("an offline token without auth_url is a config error naming Red Hat's endpoint", () => {
    const v = viewServer(
      server("a", { url: "https://console.redhat.com/api/automation-hub/" }),
      offlineToken(),
    );
    expect(messages(v)).toEqual([expect.stringContaining(`error: an offline token needs auth_url`)]);
    expect(messages(v)[0]).toContain(SSO);
  });

  it("a hub API token on a server with auth_url is refused before any request", () => {
    const v = viewServer(server("a", { url: "https://x/", authUrl: SSO }), hubToken(1));
    expect(v.problems).toEqual([expect.objectContaining({ severity: "error", failure: "auth" })]);
  });

  it("a short-lived access token and a bad id are warnings; a value that is no token is an error", () => {
    const access = `${Buffer.from('{"alg":"RS256"}').toString("base64url")}.${Buffer.from('{"typ":"Bearer","exp":1}').toString("base64url")}.sig`;
    expect(viewServer(server("a", { url: "https://x/" }), access).problems[0]?.severity).toBe("warning");
    const bad = viewServer(server("My-Hub", { url: "https://x/", idProblem: "not exportable" }), hubToken(1));
    expect(messages(bad)).toEqual(['warning: server id "My-Hub": not exportable']);
    const url = viewServer(
      server("a", { url: "https://x/", token: "https://not-a-token.example/" }),
      undefined,
    );
    expect(url.token?.kind).toBe("invalid");
    expect(messages(url)).toEqual(["error: the token in ansible.cfg is not a token at all"]);
  });

  it("a listed server with neither section nor url variable says both ways to fix it", () => {
    const v = viewServer(server("ghost", { sectionExists: false }), undefined);
    expect(messages(v)[0]).toContain(
      "no [galaxy_server.ghost] section and ANSIBLE_GALAXY_SERVER_GHOST_URL is not set",
    );
  });
});

describe("viewServers with a store whose reads fail", () => {
  const failing = { lookup: () => Promise.reject(new Error("store locked")) };

  it("lets the error propagate when nobody handles it (exec and env must not run without the store)", async () => {
    await expect(viewServers([server("a", { url: "https://x/" })], failing)).rejects.toThrow("store locked");
  });

  it("hands each error to onStoreError and still views every server, its stored token unknown", async () => {
    const seen: unknown[] = [];
    const views = await viewServers(
      [server("a", { url: "https://x/" }), server("b", { url: "https://y/", token: hubToken(2) })],
      failing,
      (e) => seen.push(e),
    );
    expect(seen).toHaveLength(2);
    expect(views.map((v) => [v.id, v.storeUnreadable, v.token?.origin ?? null])).toEqual([
      ["a", true, null],
      ["b", true, "file"],
    ]);
    expect(views[0]?.problems[0]).toMatchObject({ severity: "error", failure: "config" });
    expect(views[1]?.problems).toEqual([]);
  });
});
