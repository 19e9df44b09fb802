import { describe, expect, it } from "vitest";
import { mintAccessToken, mintHubToken, mintJwt, mintOfflineToken } from "@hub-setup/test-utils";
import { classifyToken, redact, type TokenInfo } from "./classify.js";

function accepted(raw: string): TokenInfo {
  const c = classifyToken(raw);
  if (!c.ok) throw new Error(`rejected: ${c.reason}`);
  return c;
}

describe("classifyToken", () => {
  it("reads a Red Hat offline token: typ Offline, the redhat-external realm, azp cloud-services", () => {
    const token = mintOfflineToken();
    const c = accepted(token);
    expect(c.kind).toBe("offline");
    expect(c.value).toBe(token);
    expect(c.realm).toBe("red-hat-sso");
    expect(c.claims).toMatchObject({
      iss: "https://sso.redhat.com/auth/realms/redhat-external",
      typ: "Offline",
      azp: "cloud-services",
      scope: "openid api.iam.service_accounts offline_access",
    });
    expect(c.claims?.exp).toBeUndefined();
    expect(c.note).toBeUndefined();
    expect(token.startsWith("eyJhbGciOiJIUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICJ")).toBe(true);
  });

  it("accepts the redhat-external realm on another host (the sandbox) and says which issuer", () => {
    const iss = "http://127.0.0.1:43123/auth/realms/redhat-external";
    const c = accepted(mintOfflineToken({ iss }));
    expect(c.kind).toBe("offline");
    expect(c.realm).toBe("redhat-external");
    expect(c.claims?.iss).toBe(iss);
  });

  it("reads Red Hat's stage SSO and Keycloak's path without /auth as Red Hat SSO", () => {
    for (const iss of [
      "https://sso.stage.redhat.com/auth/realms/redhat-external",
      "https://sso.redhat.com/realms/redhat-external",
    ])
      expect(accepted(mintOfflineToken({ iss })).realm, iss).toBe("red-hat-sso");
    expect(accepted(mintOfflineToken({ iss: "http://127.0.0.1:4/realms/redhat-external" })).realm).toBe(
      "redhat-external",
    );
    expect(accepted(mintOfflineToken({ iss: "https://sso.redhat.com/auth/realms/other" })).realm).toBe(
      "other",
    );
  });

  it("still calls an offline token from another realm offline, with a note naming its issuer", () => {
    const c = accepted(mintOfflineToken({ iss: "https://sso.example.com/auth/realms/corp" }));
    expect(c.kind).toBe("offline");
    expect(c.realm).toBe("other");
    expect(c.note).toContain("not Red Hat SSO");
  });

  it("notes an offline token issued to another client, naming the client_id to use", () => {
    expect(accepted(mintOfflineToken({ azp: "rhsm-api" })).note).toContain("client_id = rhsm-api");
  });

  it("tells a short-lived access token, a browser refresh token and an ID token apart", () => {
    expect(accepted(mintAccessToken()).kind).toBe("access");
    expect(accepted(mintJwt({ exp: 2, iss: "https://x/auth/realms/redhat-external" })).kind).toBe("access");
    const refresh = accepted(mintOfflineToken({ typ: "Refresh" }));
    expect(refresh.kind).toBe("unknown");
    expect(refresh.note).toContain("browser sign-in");
    expect(accepted(mintOfflineToken({ typ: "ID" })).note).toContain('type "ID"');
  });

  it("says when a JWT was cut short while copying", () => {
    const token = mintOfflineToken();
    const [head = "", body = ""] = token.split(".");
    const c = accepted(`${head}.${body.slice(0, 41)}.abc`);
    expect(c.kind).toBe("unknown");
    expect(c.note).toContain("cut short");
  });

  it("knows a private hub API token (40 lower-case hex) and an AAP gateway token (30 alphanumerics)", () => {
    expect(accepted(mintHubToken()).kind).toBe("hub-api");
    expect(accepted("0123456789ABCDEF0123456789abcdef01234567").note).toContain("lower case");
    expect(accepted("aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1").kind).toBe("gateway");
    expect(accepted("some-other_token.value~42").kind).toBe("unknown");
  });

  it.each([
    ["surrounding whitespace", (t: string) => `  \n${t}\t `],
    ["double quotes", (t: string) => `"${t}"`],
    ["single quotes", (t: string) => `'${t}'`],
    ["a Bearer prefix", (t: string) => `Bearer ${t}`],
    ["a Token prefix", (t: string) => `Token ${t}`],
    ["a whole Authorization header", (t: string) => `Authorization: Bearer ${t}`],
    ["quotes around a prefixed value", (t: string) => `"Bearer ${t}"`],
    ["a line-wrapped paste", (t: string) => `${t.slice(0, 50)}\n${t.slice(50, 120)}\r\n${t.slice(120)}`],
  ])("normalises %s", (_name, wrap) => {
    const token = mintOfflineToken();
    const c = accepted(wrap(token));
    expect(c.value).toBe(token);
    expect(c.kind).toBe("offline");
  });

  it.each([
    ["https://console.redhat.com/ansible/automation-hub/token", "this is a URL, not a token"],
    ["/home/me/.ansible/token.txt", "file path"],
    ["~/token", "file path"],
    ["C:\\Users\\me\\token.txt", "file path"],
    ['{"refresh_token": "abc", "expires_in": 900}', 'value of its "refresh_token" field'],
    ["[1, 2]", "JSON document"],
    ["token = 0123456789abcdef0123456789abcdef01234567", "line of ansible.cfg"],
    ["eyJhbGci…dGVzdA", "shortened or masked"],
    ["abcd****************wxyz", "shortened or masked"],
    ["two words here that are long", "one word"],
    ["", "nothing was pasted"],
    ["   \n", "nothing was pasted"],
    ["short1234", "too short"],
    ["tökén-with-ümlauts-and-more", "characters no hub"],
  ])("rejects %j with the reason", (raw, reason) => {
    const c = classifyToken(raw);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.reason).toContain(reason);
  });
});

describe("redact", () => {
  it("prints the kind and a few characters from each end, never the middle", () => {
    const token = mintOfflineToken();
    const shown = redact(token);
    expect(shown).toMatch(/^offline token eyJh…[A-Za-z0-9_-]{4} \(\d+ chars\)$/);
    expect(shown).not.toContain(token.slice(4, -4));
    const hub = mintHubToken();
    expect(redact(hub)).toBe(`hub API token ${hub.slice(0, 4)}…${hub.slice(-4)} (40 chars)`);
    expect(redact(`Token ${hub}`)).toBe(redact(hub));
  });

  it("redacts even a value that is not a token", () => {
    expect(redact("https://example.com/some/long/path")).toBe("secret ht…th (34 chars)");
  });
});
