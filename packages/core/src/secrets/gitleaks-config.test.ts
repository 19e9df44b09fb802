import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { base64urlInfixes, gitleaksConfig } from "./gitleaks-config.js";

const b64url = (s: string) => Buffer.from(s, "latin1").toString("base64url");

describe("base64urlInfixes", () => {
  it("finds the text in base64url at every offset of it in the encoded JSON", () => {
    const text = "sso.redhat.com/auth";
    const infixes = base64urlInfixes(text);
    expect(new Set(infixes).size).toBe(3);
    for (const prefix of ['{"a":1,"iss":"https://', '{"iss":"https://', '{"ab":1,"iss":"https://']) {
      const encoded = b64url(`${prefix}${text}/realms"}`);
      expect(
        infixes.some((i) => encoded.includes(i)),
        prefix,
      ).toBe(true);
    }
    expect(infixes.some((i) => b64url('{"iss":"https://login.example.com/"}').includes(i))).toBe(false);
  });
});

describe("the committed gitleaks config (packages/core/exports/gitleaks.toml)", () => {
  it("is the one gitleaksConfig generates (UPDATE_FIXTURES=1 rewrites it)", () => {
    const path = fileURLToPath(new URL("../../exports/gitleaks.toml", import.meta.url));
    if (process.env["UPDATE_FIXTURES"] === "1" || !existsSync(path)) writeFileSync(path, gitleaksConfig());
    expect(readFileSync(path, "utf8")).toBe(gitleaksConfig());
  });
});
