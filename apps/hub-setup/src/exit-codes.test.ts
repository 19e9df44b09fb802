import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@hub-setup/test-utils";
import { EXIT } from "./exit-codes.js";
import { renderHelp } from "./help.js";
import { COMMANDS, DEFAULT_COMMAND } from "./registry.js";

/** The text from the line holding `start` up to the next blank line. */
function paragraph(text: string, start: string): string {
  const at = text.indexOf(start);
  expect(at, `"${start}" not found`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf("\n\n", at);
  return text.slice(at, end === -1 ? undefined : end);
}

/** The codes a list such as "0 ok · 1 error · … 130 cancelled" names. */
function codesListed(text: string): number[] {
  return [...text.matchAll(/(?:^|[\s·:])(\d{1,3})\s+[a-z(`]/g)].map((m) => Number(m[1]));
}

const codes = Object.values(EXIT);

describe("hub-setup's exit codes", () => {
  it("--help lists every code in the table, and no other", () => {
    const help = renderHelp(COMMANDS, DEFAULT_COMMAND);
    expect(codesListed(paragraph(help, "Exit codes:")).sort((a, b) => a - b)).toEqual(codes);
  });

  it("the README's exit-code table has one row per code, in order", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const table = paragraph(readme, "| code | meaning");
    const rows = [...table.matchAll(/^\| (\d+) +\|/gm)].map((m) => Number(m[1]));
    expect(rows).toEqual(codes);
  });

  it("docs/commands.md lists every code for all of hub-setup", () => {
    const commands = readFileSync(join(repoRoot, "apps", "hub-setup", "docs", "commands.md"), "utf8");
    const list =
      paragraph(commands, "- **Exit codes** (all of hub-setup):").split("\n- **Signals.**")[0] ?? "";
    expect(codesListed(list).sort((a, b) => a - b)).toEqual(codes);
  });

  it("the README's per-command rows name the codes docs/commands.md gives each command", () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const commands = readFileSync(join(repoRoot, "apps", "hub-setup", "docs", "commands.md"), "utf8");
    const known = new Set<number>(codes);
    const setOf = (text: string) =>
      [
        ...new Set(
          [...text.replaceAll("**", "").matchAll(/(?:^|[\s·:|])(\d{1,3})\s+[a-z(`$]/gi)]
            .map((m) => Number(m[1]))
            .filter((c) => known.has(c)),
        ),
      ].sort((a, b) => a - b);
    // README row → the heading of that command's section in commands.md.
    const sections: Record<string, string> = {
      "`status`": "## `hub-setup status",
      "`login`": "## `hub-setup login",
      "`logout`": "## `hub-setup logout",
      "`refresh`": "## `hub-setup refresh",
      "`exec -- cmd`": "## `hub-setup exec",
      "`env`": "## `hub-setup env",
      "`shell-init`": "## `hub-setup shell-init",
      "`schedule`": "## `hub-setup schedule",
      "`ci`": "## `hub-setup ci",
      "`controller push`": "## `hub-setup controller push",
    };
    for (const [row, heading] of Object.entries(sections)) {
      const line = readme.split("\n").find((l) => l.startsWith(`| ${row} `));
      expect(line, `README has no row for ${row}`).toBeDefined();
      const at = commands.indexOf(heading);
      expect(at, `commands.md has no section ${heading}`).toBeGreaterThanOrEqual(0);
      const next = commands.indexOf("\n## ", at + 1);
      const section = commands.slice(at, next === -1 ? undefined : next);
      const documented = paragraph(section, "Exit codes:");
      expect(setOf(line ?? ""), row).toEqual(setOf(documented));
    }
  });
});
