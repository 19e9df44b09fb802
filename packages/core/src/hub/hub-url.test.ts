import { describe, expect, it } from "vitest";
import { hubUrlProblem, normalizeHubUrl } from "./hub-url.js";

describe("normalizeHubUrl for Red Hat Automation Hub", () => {
  it.each([
    [
      "https://console.redhat.com/api/automation-hub/content/published/",
      "https://console.redhat.com/api/automation-hub/content/published/",
      undefined,
    ],
    [
      "https://console.redhat.com/api/automation-hub/content/published",
      "https://console.redhat.com/api/automation-hub/content/published/",
      "added the trailing slash",
    ],
    [
      "https://cloud.redhat.com/api/automation-hub/content/published/",
      "https://console.redhat.com/api/automation-hub/content/published/",
      "cloud.redhat.com is now console.redhat.com",
    ],
    [
      "https://console.redhat.com/ansible/automation-hub/token",
      "https://console.redhat.com/api/automation-hub/content/published/",
      "not the web page",
    ],
    [
      "console.redhat.com",
      "https://console.redhat.com/api/automation-hub/content/published/",
      "added https://",
    ],
    [
      "https://console.redhat.com/api/automation-hub/",
      "https://console.redhat.com/api/automation-hub/content/published/",
      "added content/published/",
    ],
    [
      "https://console.redhat.com/api/galaxy/content/validated/",
      "https://console.redhat.com/api/automation-hub/content/validated/",
      "/api/automation-hub/",
    ],
    [
      "https://console.redhat.com/api/automation-hub/content/validated/v3/collections/ns/c/",
      "https://console.redhat.com/api/automation-hub/content/validated/",
      "trimmed",
    ],
    [
      "https://console.redhat.com/api/automation-hub/content/1234-synclist/",
      "https://console.redhat.com/api/automation-hub/content/1234-synclist/",
      "deprecated",
    ],
    [
      '"https://console.redhat.com/api/automation-hub/content/published/?x=1"',
      "https://console.redhat.com/api/automation-hub/content/published/",
      "removed the query",
    ],
  ])("%s → %s", (input, url, note) => {
    const n = normalizeHubUrl(input, "cloud");
    expect(n.url).toBe(url);
    expect(n.changed).toBe(url !== input);
    if (note === undefined) expect(n.note).toBeUndefined();
    else expect(n.note).toContain(note);
  });

  it("uses the repository asked for when the address names none, and keeps one it names", () => {
    expect(normalizeHubUrl("https://console.redhat.com/", "cloud", "validated").url).toBe(
      "https://console.redhat.com/api/automation-hub/content/validated/",
    );
    expect(
      normalizeHubUrl(
        "https://console.redhat.com/api/automation-hub/content/published/",
        "cloud",
        "validated",
      ).url,
    ).toBe("https://console.redhat.com/api/automation-hub/content/published/");
  });

  it("keeps a stand-in's own host (the sandbox) and adds its API path", () => {
    expect(normalizeHubUrl("http://127.0.0.1:8080/", "cloud").url).toBe(
      "http://127.0.0.1:8080/api/automation-hub/content/published/",
    );
  });
});

describe("normalizeHubUrl for a private automation hub", () => {
  it.each([
    [
      "https://hub.example.com/ui/",
      "https://hub.example.com/api/galaxy/content/published/",
      "not the web page",
    ],
    ["https://hub.example.com", "https://hub.example.com/api/galaxy/content/published/", "not the web page"],
    [
      "https://hub.example.com/ui/repo/rh-certified/",
      "https://hub.example.com/api/galaxy/content/rh-certified/",
      '"rh-certified"',
    ],
    [
      "https://hub.example.com/api/galaxy/content/community",
      "https://hub.example.com/api/galaxy/content/community/",
      "trailing slash",
    ],
    ["https://hub.example.com/api/galaxy/", "https://hub.example.com/api/galaxy/", "address for uploads"],
    [
      "https://hub.example.com/api/galaxy/v3/plugin/ansible/content/validated/collections/index/a/b/",
      "https://hub.example.com/api/galaxy/content/validated/",
      "trimmed",
    ],
    [
      "https://hub.example.com/hub/api/galaxy/content/published/",
      "https://hub.example.com/hub/api/galaxy/content/published/",
      undefined,
    ],
    [
      "https://hub.example.com/somewhere/else",
      "https://hub.example.com/somewhere/else/",
      "not one a hub API uses",
    ],
  ])("%s → %s", (input, url, note) => {
    const n = normalizeHubUrl(input, "private");
    expect(n.url).toBe(url);
    if (note === undefined) expect(n.note).toBeUndefined();
    else expect(n.note).toContain(note);
  });

  it("adds the repository asked for to a bare API root", () => {
    expect(normalizeHubUrl("hub.example.com/api/galaxy", "private", "rh-certified").url).toBe(
      "https://hub.example.com/api/galaxy/content/rh-certified/",
    );
  });
});

describe("hubUrlProblem", () => {
  it.each([
    ["", "no URL"],
    ["not a url", "no spaces"],
    ["ftp://hub.example.com/", "https://"],
    ["eyJhbGciOiJIUzI1NiJ9", "not a host name"],
  ])("%j: %s", (input, says) => {
    expect(hubUrlProblem(input)).toContain(says);
    expect(() => normalizeHubUrl(input, "private")).toThrow(expect.objectContaining({ code: "INVALID_URL" }));
  });
});
