import { expect, it } from "vitest";
import { galaxyCredentialEnv, safeEnv } from "./galaxy-env.js";
import type { CredentialRecord } from "./model.js";

const cred = (inputs: Record<string, string>): CredentialRecord => ({
  id: 1,
  name: "c",
  description: "",
  credentialType: 18,
  organization: 1,
  managed: false,
  inputs,
  created: "",
  modified: "",
});

it("numbers servers by position, sets TOKEN and AUTH_URL only when non-empty, lists them in order", () => {
  expect(
    galaxyCredentialEnv([
      cred({ url: "https://one/", auth_url: "https://sso/token", token: "t1" }),
      cred({ url: "https://two/", auth_url: "", token: "" }),
    ]),
  ).toEqual({
    ANSIBLE_GALAXY_SERVER_SERVER0_URL: "https://one/",
    ANSIBLE_GALAXY_SERVER_SERVER0_TOKEN: "t1",
    ANSIBLE_GALAXY_SERVER_SERVER0_AUTH_URL: "https://sso/token",
    ANSIBLE_GALAXY_SERVER_SERVER1_URL: "https://two/",
    ANSIBLE_GALAXY_SERVER_LIST: "server0,server1",
  });
  expect(galaxyCredentialEnv([])).toEqual({});
});

it("shows the environment as build_safe_env does: Galaxy tokens hidden, other ANSIBLE_* kept", () => {
  expect(
    safeEnv({
      ANSIBLE_GALAXY_SERVER_SERVER0_TOKEN: "secret",
      ANSIBLE_GALAXY_SERVER_SERVER0_AUTH_URL: "https://sso/token",
      ANSIBLE_GALAXY_SERVER_LIST: "server0",
      ANSIBLE_FORCE_COLOR: "False",
      ANSIBLE_NET_PASSWORD: "p",
      ANSIBLE_PRIVATE_KEY_FILE: "/k",
      MY_API_KEY: "k",
      HOME: "/h",
    }),
  ).toEqual({
    ANSIBLE_GALAXY_SERVER_SERVER0_TOKEN: "**********",
    ANSIBLE_GALAXY_SERVER_SERVER0_AUTH_URL: "https://sso/token",
    ANSIBLE_GALAXY_SERVER_LIST: "server0",
    ANSIBLE_FORCE_COLOR: "False",
    ANSIBLE_NET_PASSWORD: "**********",
    ANSIBLE_PRIVATE_KEY_FILE: "/k",
    MY_API_KEY: "**********",
    HOME: "/h",
  });
});
