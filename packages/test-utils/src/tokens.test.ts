import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  fakeAccessToken,
  fakeGatewayToken,
  fakeHubToken,
  fakeOfflineToken,
  fakeOtherJwt,
  fillTokens,
  mintAccessToken,
  mintHubToken,
  mintOfflineToken,
} from "./tokens.js";

const claims = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;

describe("minted tokens", () => {
  it("are shaped like Red Hat's and a private hub's, and differ on every call", () => {
    const offline = mintOfflineToken();
    expect(offline.split(".")).toHaveLength(3);
    expect(claims(offline)).toMatchObject({ typ: "Offline", azp: "cloud-services" });
    expect(claims(mintAccessToken())).toMatchObject({ typ: "Bearer", exp: expect.any(Number) as number });
    expect(claims(mintOfflineToken({ azp: "rhsm-api" })).azp).toBe("rhsm-api");
    expect(mintHubToken()).toMatch(/^[0-9a-f]{40}$/);
    expect(mintOfflineToken()).not.toBe(offline);
    expect(mintHubToken()).not.toBe(mintHubToken());
  });
});

describe("fake (seeded) tokens", () => {
  it("are the same for the same seed, and exactly what hub-token-check's fixtures were written with", () => {
    expect(fakeOfflineToken("s1")).toBe(fakeOfflineToken("s1"));
    expect(fakeOfflineToken("s1")).not.toBe(fakeOfflineToken("s2"));
    expect(fakeHubToken()).toMatch(/^[0-9a-f]{40}$/);
    expect(fakeGatewayToken()).toMatch(/^[A-Za-z0-9]{30}$/);
    // A digest of the values the checker's test/support/fake-tokens.ts produced when this moved here:
    // the same values, so its fixtures stay valid when it switches to this module.
    const all = [
      fakeHubToken(),
      fakeHubToken("x"),
      fakeGatewayToken(),
      fakeOfflineToken(),
      fakeOfflineToken("s1"),
      fakeAccessToken(),
      fakeOtherJwt(),
      fillTokens("a @@hub:k@@ b @@offline:o@@"),
    ].join("\n");
    expect(createHash("sha256").update(all).digest("hex")).toBe(
      "f29fb49d716fc1746b58736dafb784e43deac67c4ce8f46833401a23c44af8d9",
    );
  });

  it("fillTokens refuses an unknown kind", () => {
    expect(() => fillTokens("@@nope:x@@")).toThrow(/unknown fake token kind/);
  });
});
