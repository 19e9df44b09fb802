import { expect, it } from "vitest";
import { parseHubPath } from "./routes.js";

it("parses the content URLs people put in ansible.cfg and everything ansible-galaxy asks below them", () => {
  expect(parseHubPath("content/rh-certified/")).toEqual({ kind: "root", repo: "rh-certified" });
  expect(parseHubPath("content/published/v3/collections/")).toEqual({
    kind: "collections",
    repo: "published",
  });
  expect(parseHubPath("content/published/v3/collections/ns/name/")).toEqual({
    kind: "collection",
    repo: "published",
    namespace: "ns",
    name: "name",
  });
  expect(parseHubPath("content/validated/v3/collections/ns/name/versions/")).toMatchObject({
    kind: "versions",
  });
  expect(parseHubPath("content/validated/v3/collections/ns/name/versions/1.2.3/")).toMatchObject({
    kind: "version",
    repo: "validated",
    version: "1.2.3",
  });
});

it("maps the bare prefix and bare v3 paths to the published repository, as galaxy_ng does", () => {
  expect(parseHubPath("")).toEqual({ kind: "root", repo: "published" });
  expect(parseHubPath("v3/collections/ns/name/")).toMatchObject({ kind: "collection", repo: "published" });
});

it("parses galaxy_ng's plugin paths: the index and the artifacts", () => {
  expect(
    parseHubPath("v3/plugin/ansible/content/community/collections/index/ns/name/versions/1.0.0/"),
  ).toMatchObject({
    kind: "version",
    repo: "community",
  });
  expect(
    parseHubPath("v3/plugin/ansible/content/community/collections/artifacts/ns-name-1.0.0.tar.gz"),
  ).toEqual({
    kind: "artifact",
    repo: "community",
    fileName: "ns-name-1.0.0.tar.gz",
  });
  expect(parseHubPath("v3/auth/token/")).toEqual({ kind: "token" });
});

it("knows nothing else: no trailing-slash-less roots, no ansible-galaxy `api` fallback, no extra segments", () => {
  for (const rest of [
    "content/published",
    "content/published/api",
    "content/published/v3/",
    "content/published/v3/collections/ns/",
    "content/published/v3/collections/ns/name/versions/1.0.0/extra/",
    "nowhere/",
  ]) {
    expect(parseHubPath(rest), rest).toBeUndefined();
  }
});
