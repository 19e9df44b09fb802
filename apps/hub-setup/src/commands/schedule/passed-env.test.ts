import { describe, expect, it } from "vitest";
import { passedEnv } from "./passed-env.js";

describe("the environment a schedule carries", () => {
  it("keeps set, absolute, credential-free values in a fixed order", () => {
    const { env, warnings } = passedEnv({
      NO_PROXY: "127.0.0.1",
      XDG_CONFIG_HOME: "/home/u/.cfg",
      HTTPS_PROXY: "http://proxy:3128",
      UNRELATED: "x",
      ANSIBLE_CONFIG: "",
    });
    expect(env).toEqual([
      ["XDG_CONFIG_HOME", "/home/u/.cfg"],
      ["HTTPS_PROXY", "http://proxy:3128"],
      ["NO_PROXY", "127.0.0.1"],
    ]);
    expect(warnings).toEqual([]);
  });

  it("leaves out a proxy with a password and a relative path, saying why without the secret", () => {
    const { env, warnings } = passedEnv({
      https_proxy: "http://u:hunter2@proxy:3128",
      ANSIBLE_CONFIG: "proj/ansible.cfg",
    });
    expect(env).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings.join()).not.toContain("hunter2");
    expect(warnings.join()).toContain("relative path");
  });
});
