import { describe, expect, it } from "vitest";
import { fakeHubToken } from "@hub-setup/test-utils";
import { urlCredentials } from "./url-credentials.js";

const hub = fakeHubToken("url");
const sha = "9e107d9d372bb6826bd81d3542a419d6e1a2b3c4";

/** The secrets found, as [what, the text at its span]. */
function found(text: string) {
  return urlCredentials(text).map((c) => [c.what, text.slice(c.start, c.end)]);
}

describe("urlCredentials", () => {
  it("finds the password of a URL's userinfo", () => {
    expect(found("url = https://admin:S3cr3t-Passw0rd@hub.example.com/api/galaxy/")).toEqual([
      ["password", "S3cr3t-Passw0rd"],
    ]);
    // An `@` inside the password (unencoded): the authority ends at the last one.
    expect(found("http://me:p@ss:w0rd@proxy.example.com:3128")).toEqual([["password", "p@ss:w0rd"]]);
    expect(found("see https://u:hunter2x@logs.example.com/x), then")).toEqual([["password", "hunter2x"]]);
    // `+` is a plus sign in userinfo (and base64 tokens hold it), not a space.
    expect(found("https://u:pa+ss+w0rd9@h.example.com/?token=ab+cdEF12+34")).toEqual([
      ["password", "pa+ss+w0rd9"],
      ["token", "ab+cdEF12+34"],
    ]);
  });

  it("finds token-like query and fragment values, by the parameter's name", () => {
    expect(found(`https://hub.example.com/api/galaxy/?page_size=10&token=${hub}`)).toEqual([["token", hub]]);
    expect(found("https://h.example.com/?API_KEY=qW8rT2yU6iO0pA4s&x=1")).toEqual([
      ["api key", "qW8rT2yU6iO0pA4s"],
    ]);
    expect(found("https://h.example.com/cb#access_token=abcDEF123456&state=x")).toEqual([
      ["token", "abcDEF123456"],
    ]);
    expect(found("https://u:pw1234@h.example.com/?password=hunter22")).toEqual([
      ["password", "pw1234"],
      ["password", "hunter22"],
    ]);
  });

  it("flags nothing without a secret: no password, placeholders, references, SHAs, ports", () => {
    for (const text of [
      "https://admin@hub.example.com/api/galaxy/",
      "ssh://git@github.com/org/repo.git",
      "https://admin:@hub.example.com/?token=",
      "https://admin:<password>@hub.example.com/?token=<your-token>",
      "https://admin:changeme@hub.example.com/?api_key=xxxxxxxx",
      "https://admin:${HUB_PASSWORD}@hub.example.com/?api_key=$HUB_KEY",
      "https://admin:%24%7BHUB_PASSWORD%7D@hub.example.com/",
      "https://admin:{{hub_password}}@hub.example.com/",
      `https://hub.example.com/api/galaxy/content/${sha}/`,
      `https://git.example.com/org/repo/commit/${sha}?ref=${sha}`,
      "https://hub.example.com:8443/api/galaxy/?page_size=100",
      "https://h.example.com/?next_token=https://other.example.com/",
      "git@github.com:org/repo.git",
      "[::1]:8080",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});
