import { describe, expect, it } from "vitest";
import { fakeHubToken, fakeOtherJwt, mintOfflineToken } from "@hub-setup/test-utils";
import { bindingFor, checkBinding, cleartextWarning, originOf, type TokenBinding } from "./binding.js";

const RH = { hub: "https://console.redhat.com", auth: "https://sso.redhat.com" };
const PAH = { hub: "https://hub.example.test" };

describe("originOf and bindingFor", () => {
  it("keep scheme, host and port only: never a path, query or credentials", () => {
    expect(originOf("https://Console.RedHat.com:443/api/automation-hub/content/published/?x=1")).toBe(
      "https://console.redhat.com",
    );
    expect(originOf("http://127.0.0.1:8080/api/galaxy/")).toBe("http://127.0.0.1:8080");
    expect(originOf("https://user:pw@hub.example.test/api/")).toBe("https://hub.example.test");
    expect(originOf("file:///etc/passwd")).toBeUndefined();
    expect(originOf("not a url")).toBeUndefined();
  });

  it("bind the hub and, when there is one, the auth_url origin", () => {
    expect(
      bindingFor({
        url: "https://console.redhat.com/api/automation-hub/content/published/",
        authUrl: "https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token",
      }),
    ).toEqual(RH);
    expect(bindingFor({ url: "https://hub.example.test/api/galaxy/", authUrl: "  " })).toEqual(PAH);
    expect(bindingFor({ url: "https://hub.example.test/", authUrl: "ftp://x/" })).toBeUndefined();
  });
});

describe("checkBinding", () => {
  const token = fakeHubToken("binding");

  it("lets a token go where it was verified", () => {
    expect(checkBinding("pah", PAH, PAH, token)).toEqual({ ok: true, binding: PAH, adopted: false });
  });

  it("refuses another hub origin, another auth origin, or a dropped auth_url, naming origins and never the token", () => {
    const cloud = mintOfflineToken();
    const moved: TokenBinding[] = [
      { ...RH, hub: "https://evil.example.test" },
      { ...RH, auth: "http://evil.example.test:8080" },
      { hub: RH.hub },
    ];
    for (const current of moved) {
      const check = checkBinding("rh", RH, current, cloud);
      expect(check.ok).toBe(false);
      if (check.ok) continue;
      expect(check.reason).toBe("moved");
      expect(check.message).toContain("https://sso.redhat.com");
      expect(check.message).toContain(current.auth ?? "no auth_url");
      expect(check.message).not.toContain(cloud.slice(0, 20));
    }
  });

  it("refuses a server whose url is no http(s) URL", () => {
    expect(checkBinding("pah", PAH, undefined, token)).toMatchObject({ ok: false, reason: "no-url" });
  });

  it("adopts a token with no recorded binding (stored by an earlier version) where it is first used", () => {
    expect(checkBinding("pah", undefined, PAH, token)).toEqual({ ok: true, binding: PAH, adopted: true });
    const other = fakeOtherJwt("keycloak");
    const keycloak = { hub: "https://hub.example.test", auth: "https://keycloak.example.test" };
    expect(checkBinding("kc", undefined, keycloak, other)).toMatchObject({ ok: true, adopted: true });
  });

  it("adopts an unbound Red Hat SSO offline token only at Red Hat's hub and SSO, where alone it works", () => {
    const cloud = mintOfflineToken();
    expect(checkBinding("rh", undefined, RH, cloud)).toEqual({ ok: true, binding: RH, adopted: true });
    const old = { hub: "https://cloud.redhat.com", auth: RH.auth };
    expect(checkBinding("rh", undefined, old, cloud)).toMatchObject({ ok: true, adopted: true });
    const hostile = { hub: "http://evil.example.test", auth: "http://evil.example.test" };
    const check = checkBinding("rh", undefined, hostile, cloud);
    expect(check).toMatchObject({ ok: false, reason: "moved", bound: undefined, current: hostile });
    expect(checkBinding("rh", undefined, { hub: RH.hub }, cloud).ok).toBe(false);
  });
});

describe("cleartextWarning", () => {
  it("warns of http to another machine, and of nothing for https or this machine", () => {
    expect(cleartextWarning("http://hub.example.test/api/galaxy/", "the hub")).toBe(
      "the hub http://hub.example.test is plain http: the token would travel unencrypted to another machine (use https)",
    );
    expect(cleartextWarning("http://10.0.0.5:8080/", "the hub")).toContain("plain http");
    for (const url of [
      "https://hub.example.test/",
      "http://127.0.0.1:8080/",
      "http://localhost/",
      "http://hub.localhost/",
      "http://[::1]:8080/",
      undefined,
    ]) {
      expect(cleartextWarning(url, "the hub"), String(url)).toBeUndefined();
    }
  });
});
