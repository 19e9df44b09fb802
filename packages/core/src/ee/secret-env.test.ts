import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { renderSecretEnvFile, shellSingleQuote } from "./secret-env.js";

const sh = requireTool("sh", "apt-get install dash");

/** Sources `text` the way our RUN prefix does and prints the named variables, NUL-separated. */
function sourceAndPrint(text: string, names: string[]): string[] {
  const file = join(tempDir(), "secret");
  writeFileSync(file, text, { mode: 0o600 });
  const script = `set -a && . "$1" && set +a && env -0 | grep -z -E '^(${names.join("|")})=' || true`;
  const run = spawnSync("sh", ["-c", script, "sh", file], {
    encoding: "utf8",
    env: { PATH: process.env["PATH"] },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout
    .split("\0")
    .filter((s) => s.length > 0)
    .sort();
}

describe("renderSecretEnvFile", () => {
  it("writes the server list first, then each server's settings in ansible-core's names", () => {
    const text = renderSecretEnvFile([
      { id: "automation_hub", url: "https://c/", authUrl: "https://sso/", token: "t1" },
      { id: "private_hub", url: "https://h/", token: "t2", validateCerts: false, clientId: "cli" },
    ]);
    expect(text).toBe(
      [
        "ANSIBLE_GALAXY_SERVER_LIST='automation_hub,private_hub'",
        "ANSIBLE_GALAXY_SERVER_AUTOMATION_HUB_URL='https://c/'",
        "ANSIBLE_GALAXY_SERVER_AUTOMATION_HUB_AUTH_URL='https://sso/'",
        "ANSIBLE_GALAXY_SERVER_AUTOMATION_HUB_TOKEN='t1'",
        "ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_URL='https://h/'",
        "ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_CLIENT_ID='cli'",
        "ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_VALIDATE_CERTS='false'",
        "ANSIBLE_GALAXY_SERVER_PRIVATE_HUB_TOKEN='t2'",
        "",
      ].join("\n"),
    );
  });

  it("refuses what it cannot write safely, without echoing the value", () => {
    expect(() => renderSecretEnvFile([])).toThrow(/at least one/);
    expect(() => renderSecretEnvFile([{ id: "my-hub", url: "u" }])).toThrow(
      expect.objectContaining({ code: "INVALID_SERVER_ID" }),
    );
    expect(() =>
      renderSecretEnvFile([
        { id: "a", url: "u" },
        { id: "a", url: "v" },
      ]),
    ).toThrow(/twice/);
    let message = "";
    try {
      renderSecretEnvFile([{ id: "a", url: "u", token: "SECRETPART\nmore" }]);
    } catch (e) {
      message = String(e);
    }
    expect(message).toContain("ANSIBLE_GALAXY_SERVER_A_TOKEN");
    expect(message).not.toContain("SECRETPART");
  });

  it.skipIf(!sh.available)(
    "property: sh reads back every value exactly, whatever quotes or $ it holds",
    () => {
      const value = fc
        .string({
          unit: fc.oneof(
            fc.constantFrom("'", '"', "$", "`", "\\", " ", "*", ";", "(", "é"),
            fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
          ),
        })
        .filter((s) => !/[\n\r\0]/.test(s));
      fc.assert(
        fc.property(value, value, (url, token) => {
          const text = renderSecretEnvFile([{ id: "hub", url, token }]);
          expect(sourceAndPrint(text, ["ANSIBLE_GALAXY_SERVER_[A-Z_]+"])).toEqual(
            [
              `ANSIBLE_GALAXY_SERVER_HUB_TOKEN=${token}`,
              `ANSIBLE_GALAXY_SERVER_HUB_URL=${url}`,
              "ANSIBLE_GALAXY_SERVER_LIST=hub",
            ].sort(),
          );
        }),
        { numRuns: 40 },
      );
    },
  );

  it("single-quotes a quote as '\\''", () => {
    expect(shellSingleQuote("it's")).toBe(`'it'\\''s'`);
  });
});
