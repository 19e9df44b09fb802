import { describe, expect, it } from "vitest";
import { hubToken, offlineToken, server } from "../../../test/support/fake-ports.js";
import { refreshTargets, tokenEndpointOf } from "./targets.js";
import { viewServer } from "../../servers/servers.js";

describe("refresh targets", () => {
  it("derives a token endpoint only from an http(s) issuer", () => {
    expect(tokenEndpointOf("https://sso.redhat.com/auth/realms/redhat-external/")).toBe(
      "https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
    );
    expect(tokenEndpointOf("file:///etc/passwd")).toBeUndefined();
    expect(tokenEndpointOf("nonsense")).toBeUndefined();
  });

  it("skips servers without auth_url, Basic-auth servers and stored tokens that are not offline", () => {
    const views = [
      viewServer(server("priv", { url: "https://h/" }), hubToken(1)),
      viewServer(
        server("basic", { url: "https://h/", authUrl: "https://sso/t", username: "u" }),
        offlineToken(),
      ),
    ];
    expect(refreshTargets(views, [{ id: "other", token: hubToken(2) }])).toEqual([]);
  });

  it("merges servers that share one token at one endpoint, but not across endpoints", () => {
    const t = offlineToken();
    const a = viewServer(server("a", { url: "https://h/a/", authUrl: "https://sso/t" }), t);
    const b = viewServer(server("b", { url: "https://h/b/", authUrl: "https://sso/t" }), t);
    const c = viewServer(server("c", { url: "https://h/c/", authUrl: "https://other/t" }), t);
    const targets = refreshTargets([a, b, c], [{ id: "a", token: t }]);
    expect(targets.map((x) => [x.serverIds, x.authUrl])).toEqual([
      [["a", "b"], "https://sso/t"],
      [["c"], "https://other/t"],
    ]);
  });
});
