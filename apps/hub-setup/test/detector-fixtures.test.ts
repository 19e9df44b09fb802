// One definition of a secret: every secret core's detector finds in its own fixtures (ok.*/ng.*, every
// file type) stays redacted where the wizard echoes text — its diff, a usage error quoting argv, and
// `status` over an ansible.cfg-shaped fixture.
import { findSecrets, isIniShaped } from "@hub-setup/core";
import { secretsFixtures, type SecretsFixture } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { renderDiff } from "../src/commands/setup/diff.js";
import { makeStyle } from "../src/commands/setup/style.js";
import { run as status } from "../src/commands/status/index.js";
import { main } from "../src/main.js";
import { world } from "./support/temp-world.js";

const fixtures = secretsFixtures();
const flagged = fixtures.filter((f) => f.name.startsWith("ng."));

/** The secrets themselves, as the detector located them (line, column, endColumn). */
function secretsOf(f: SecretsFixture): string[] {
  const lines = f.text.replace(/\r(?!\n)/g, "\n").split("\n");
  return findSecrets(f.text, { path: f.file }).map((x) =>
    (lines[x.line - 1] ?? "").slice(x.column - 1, x.endColumn - 1).trim(),
  );
}

function expectNoSecret(f: SecretsFixture, output: string, where: string): void {
  const secrets = secretsOf(f);
  expect(secrets.length, `${f.name}: the detector finds something`).toBeGreaterThan(0);
  for (const s of secrets) expect(output.includes(s), `${f.name}: ${where} shows a secret`).toBe(false);
}

describe("the wizard redacts every secret the detector finds in its fixtures", () => {
  it("has the detector's ng.* fixtures to feed", () => {
    expect(flagged.length).toBeGreaterThanOrEqual(30);
  });

  it.each(flagged.map((f) => [f.name, f] as const))("diff: %s (new file and edit)", (_n, f) => {
    const options = { style: makeStyle(false), secrets: [] };
    expectNoSecret(f, renderDiff(f.file, undefined, f.text, options), "a new file's diff");
    expectNoSecret(f, renderDiff(f.file, "# before\n", `# after\n${f.text}`, options), "an edit's diff");
  });

  it.each(flagged.map((f) => [f.name, f] as const))("usage errors: %s pasted into argv", async (_n, f) => {
    for (const argv of [[f.text], ["status", f.text], ["setup", "--store", f.text]]) {
      const w = world();
      const ctx = w.ctx();
      expect(await main(argv, ctx)).not.toBe(0);
      expectNoSecret(f, ctx.io.err.join("") + ctx.io.out.join(""), `hub-setup ${argv[0] ?? ""}`);
    }
  });

  it.each(flagged.filter((f) => isIniShaped(f.file, f.text)).map((f) => [f.name, f] as const))(
    "status: %s as the project's ansible.cfg",
    async (_n, f) => {
      for (const args of [["--offline"], ["--offline", "--json"]]) {
        const w = world();
        w.writeConfig(f.text);
        const ctx = w.ctx();
        await status(args, ctx);
        expectNoSecret(f, ctx.io.out.join("") + ctx.io.err.join(""), `status ${args.join(" ")}`);
      }
    },
  );
});
