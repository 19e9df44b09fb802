import { expect, it } from "vitest";
import { parseControllerPath } from "./routes.js";

it("maps AWX's URL patterns and refuses everything else", () => {
  expect(parseControllerPath("")).toEqual({ kind: "root" });
  expect(parseControllerPath("credentials/")).toEqual({ kind: "credentials" });
  expect(parseControllerPath("credentials/12/")).toEqual({ kind: "credential", id: 12 });
  expect(parseControllerPath("organizations/3/galaxy_credentials/")).toEqual({
    kind: "galaxy_credentials",
    id: 3,
  });
  expect(parseControllerPath("projects/1/update/")).toEqual({ kind: "project_update_start", id: 1 });
  expect(parseControllerPath("project_updates/9/stdout/")).toEqual({ kind: "project_update_stdout", id: 9 });
  for (const bad of [
    "credentials",
    "credentials/x/",
    "credentials/1",
    "users/",
    "credentials/1/owner_users/",
    "projects/1/update",
  ]) {
    expect([bad, parseControllerPath(bad)]).toEqual([bad, undefined]);
  }
});
