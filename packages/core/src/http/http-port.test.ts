import { describe, expect, it } from "vitest";
import { describeUrl, scrub, scrubServerText } from "./http-port.js";

describe("scrubbing", () => {
  it("replaces known secrets wherever they occur", () => {
    expect(scrub("a SECRET-VALUE b SECRET-VALUE", ["SECRET-VALUE"])).toBe("a [redacted] b [redacted]");
    expect(scrub("abc", ["ab"])).toBe("abc"); // too short to be a token: left alone
  });

  it("in server text, also replaces anything shaped like a token, but keeps words and error codes", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJ0eXAiOiJPZmZsaW5lIn0.c2lnbmF0dXJlLXBhcnQ";
    const hex = "0123456789abcdef0123456789abcdef01234567";
    expect(scrubServerText(`Offline user session not found ${jwt} ${hex}`, [])).toBe(
      "Offline user session not found [redacted] [redacted]",
    );
    expect(scrubServerText("Maximum allowed refresh token reuse exceeded", [])).toBe(
      "Maximum allowed refresh token reuse exceeded",
    );
    expect(scrubServerText("ERR_TLS_CERT_ALTNAME_INVALID", [])).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("describes a URL without credentials or query", () => {
    expect(describeUrl("https://user:pw@hub.example.com:8443/api/galaxy/?token=x#y")).toBe(
      "https://hub.example.com:8443/api/galaxy/",
    );
    expect(describeUrl("not a url")).toBe("(an address that is not a URL)");
  });
});
