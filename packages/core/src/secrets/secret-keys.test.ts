import { describe, expect, it } from "vitest";
import { secretKeyKind } from "./secret-keys.js";

describe("secretKeyKind", () => {
  it.each([
    ["token", "token"],
    ["api_token", "token"],
    ["offline-token", "token"],
    ["password", "password"],
    ["become_password", "password"],
    ["vault_password", "password"],
    ["client_secret", "client secret"],
    ["api_key", "api key"],
    ["apikey", "api key"],
    ["secret", "secret"],
    ["TOKEN", "token"],
  ])("%s holds a %s", (key, kind) => {
    expect(secretKeyKind(key)).toBe(kind);
  });

  it.each([
    "token_path",
    "vault_password_file",
    "private_key_file",
    "ask_pass",
    "become_ask_pass",
    "auth_url",
    "url",
    "host_key_checking",
    "save_password",
    "tokens_dir",
  ])("%s is not a secret's name", (key) => {
    expect(secretKeyKind(key)).toBeUndefined();
  });
});
