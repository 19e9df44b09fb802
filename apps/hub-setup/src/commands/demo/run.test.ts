import { describe, expect, it } from "vitest";
import { demoEnv } from "./run.js";

describe("demoEnv", () => {
  it("points HOME, XDG_CONFIG_HOME and ANSIBLE_CONFIG into the throw-away folder and drops the user's ANSIBLE_* and HUB_SETUP_*", () => {
    const env = demoEnv(
      {
        PATH: "/usr/bin",
        HOME: "/home/me",
        ANSIBLE_CONFIG: "/home/me/ansible.cfg",
        ANSIBLE_GALAXY_SERVER_LIST: "mine",
        HUB_SETUP_TOKEN: "secret",
        NO_PROXY: "corp.example.com,localhost",
      },
      "/tmp/demo",
    );
    expect(env).toEqual({
      PATH: "/usr/bin",
      HOME: "/tmp/demo/home",
      XDG_CONFIG_HOME: "/tmp/demo/home/.config",
      ANSIBLE_CONFIG: "/tmp/demo/project/ansible.cfg",
      NO_PROXY: "corp.example.com,localhost,127.0.0.1",
      no_proxy: "corp.example.com,localhost,127.0.0.1",
    });
  });
});
