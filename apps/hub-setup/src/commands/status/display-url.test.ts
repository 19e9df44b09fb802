import { describe, expect, it } from "vitest";
import { hubToken } from "../../../test/support/fake-ports.js";
import { displayUrl, displayUrlsIn, urlHasPassword } from "./display-url.js";

describe("displayUrl", () => {
  it("keeps a URL without secrets exactly as written", () => {
    for (const url of [
      "https://console.redhat.com/api/automation-hub/content/published/",
      "https://hub.example.com:8443/api/galaxy/",
      "https://deploy@hub.example.com/api/galaxy/",
      "hub.example.com/no-scheme",
    ])
      expect(displayUrl(url)).toBe(url);
  });

  it("hides the password but keeps the user name", () => {
    expect(displayUrl("https://admin:s3cret@hub.example.com/api/")).toBe(
      "https://admin:***@hub.example.com/api/",
    );
    expect(displayUrl("https://admin:p@ss:w@hub.example.com/")).toBe("https://admin:***@hub.example.com/");
    expect(displayUrl("https://:only-pass@hub.example.com/")).toBe("https://:***@hub.example.com/");
  });

  it("hides every query value and the fragment, keeping the names", () => {
    expect(displayUrl("https://h/api/?token=abc&page=2")).toBe("https://h/api/?token=***&page=***");
    expect(displayUrl("https://h/api/#access_token=abc")).toBe("https://h/api/#***");
    expect(displayUrl("https://u:p@h/api/?a=1#f")).toBe("https://u:***@h/api/?a=***#***");
  });

  it("redacts a token-shaped user name or path segment", () => {
    const hex = hubToken(4);
    expect(displayUrl(`https://${hex}@h/api/${hex}/`)).not.toContain(hex);
  });
});

describe("urlHasPassword", () => {
  it("is true only with user:password@ before the host", () => {
    expect(urlHasPassword("https://admin:s3cret@hub.example.com/")).toBe(true);
    expect(urlHasPassword("https://admin@hub.example.com/")).toBe(false);
    expect(urlHasPassword("https://hub.example.com/a:b@c")).toBe(false);
    expect(urlHasPassword("https://hub.example.com/?u=a:b@c")).toBe(false);
  });
});

describe("displayUrlsIn", () => {
  it("rewrites each URL in a message", () => {
    expect(
      displayUrlsIn("not a hub API URL: https://a:b@h/x/?t=1 answered HTTP 404; use https://h/api/"),
    ).toBe("not a hub API URL: https://a:***@h/x/?t=*** answered HTTP 404; use https://h/api/");
  });
});
