import { describe, expect, it } from "vitest";
import { galaxyServerEnvVar, serverIdProblem, suggestServerId } from "./server-id.js";

describe("server ids", () => {
  it("accepts lower-case letters, digits and underscores", () => {
    expect(serverIdProblem("automation_hub_2")).toBeUndefined();
  });

  it("flags a dash, because the variable cannot be exported from a shell", () => {
    const problem = serverIdProblem("my-hub");
    expect(problem?.reason).toContain("ANSIBLE_GALAXY_SERVER_MY-HUB_TOKEN");
    expect(problem?.suggestion).toBe("my_hub");
  });

  it("flags upper case, because two ids would share one variable", () => {
    expect(serverIdProblem("MyHub")?.reason).toContain("share ANSIBLE_GALAXY_SERVER_MYHUB_TOKEN");
  });

  it("builds the variable name as ansible-core does", () => {
    expect(galaxyServerEnvVar("rh_certified", "auth_url")).toBe(
      "ANSIBLE_GALAXY_SERVER_RH_CERTIFIED_AUTH_URL",
    );
    expect(suggestServerId("--")).toBe("hub");
  });
});
