// One definition of a secret: every secret core's detector finds in its own fixtures (ok.*/ng.*, every
// file type) stays redacted where the wizard echoes text — its diff, a usage error quoting argv, and
// `status` over an ansible.cfg-shaped fixture. And status reports plaintext on exactly the lines where the
// detector finds a secret: a live setting per server, anything else once for the file.
import { findSecrets, isIniShaped, parseAnsibleConfig, readGalaxyServers } from "@hub-setup/core";
import { secretsFixtures, type SecretsFixture } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";
import { renderDiff } from "../src/commands/setup/diff.js";
import { makeStyle } from "../src/commands/setup/style.js";
import type { StatusReport } from "../src/commands/status/report.js";
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

/** The lines of the live token/password settings Ansible reads from this file (core's server model). */
function liveSettingLines(text: string): Map<string, Map<string, number>> {
  const parsed = parseAnsibleConfig(text);
  const out = new Map<string, Map<string, number>>();
  if (!parsed.ok) return out;
  for (const s of readGalaxyServers(parsed.config, {}).servers) {
    const lines = new Map<string, number>();
    for (const key of ["token", "password"] as const) {
      const v = s[key];
      if (v?.source === "file" && v.line !== undefined) lines.set(key, v.line);
    }
    out.set(s.id, lines);
  }
  return out;
}

describe("status reports plaintext exactly where the detector finds a secret", () => {
  const iniShaped = fixtures.filter((f) => isIniShaped(f.file, f.text) && parseAnsibleConfig(f.text).ok);

  it("has ansible.cfg-shaped fixtures with and without secrets to feed", () => {
    expect(iniShaped.filter((f) => f.name.startsWith("ng.")).length).toBeGreaterThanOrEqual(12);
    expect(iniShaped.filter((f) => f.name.startsWith("ok.")).length).toBeGreaterThanOrEqual(5);
  });

  it.each(iniShaped.map((f) => [f.name, f] as const))("%s", async (_n, f) => {
    const expected = new Set(findSecrets(f.text, { path: f.file }).map((x) => x.line));
    const w = world();
    const path = w.writeConfig(f.text);
    const ctx = w.ctx();
    await status(["--offline", "--json"], ctx);
    const report = JSON.parse(ctx.io.out.join("")) as StatusReport;
    const reported = new Set<number>();
    const live = liveSettingLines(f.text);
    for (const server of report.servers) {
      for (const key of server.plaintextInFile) {
        const line = live.get(server.id)?.get(key);
        expect(line, `${f.name}: ${server.id}'s ${key} is a setting in the file`).toBeDefined();
        reported.add(line ?? 0);
      }
    }
    const prefix = `written in plaintext at ${path} line `;
    for (const p of report.problems) {
      const at = p.message.indexOf(prefix);
      if (at >= 0) reported.add(Number.parseInt(p.message.slice(at + prefix.length), 10));
    }
    expect(
      [...reported].sort((a, b) => a - b),
      f.name,
    ).toEqual([...expected].sort((a, b) => a - b));
    expectNoSecretIfAny(f, ctx.io.out.join("") + ctx.io.err.join(""));
  });
});

function expectNoSecretIfAny(f: SecretsFixture, output: string): void {
  for (const s of secretsOf(f)) expect(output.includes(s), `${f.name}: status shows a secret`).toBe(false);
}
