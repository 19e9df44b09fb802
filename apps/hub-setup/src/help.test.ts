import { describe, expect, it } from "vitest";
import { COMMANDS } from "./registry.js";
import { usageCall } from "./usage-line.js";

/** The call a --help text starts with: its first line and the indented lines continuing it, one line. */
function firstCall(usage: string): string {
  const lines = usage.split("\n");
  const call = [lines[0] ?? ""];
  for (const line of lines.slice(1)) {
    if (!/^ {8,}\S/.test(line) || /^ +hub-setup /.test(line)) break;
    call.push(line.trim());
  }
  return call.join(" ");
}

describe("hub-setup --help", () => {
  // ee's spec belongs to another piece of work (its three subcommands list their own usages).
  const checked = COMMANDS.filter((command) => command.name !== "ee" && command.name !== "setup");

  it("gives each command the same call as the first line of its own --help", () => {
    for (const command of checked) {
      expect(firstCall(command.usage), command.name).toBe(`Usage: hub-setup ${command.synopsis}`);
    }
  });

  it("usageCall wraps a long synopsis under its first flag, never inside brackets", () => {
    const call = usageCall(
      "ci [--a AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA] [--b BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB] [--c C|D]",
    );
    expect(call).toBe(
      "Usage: hub-setup ci [--a AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA] [--b BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB]\n" +
        "                    [--c C|D]",
    );
    expect(firstCall(call)).toBe(
      "Usage: hub-setup ci [--a AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA] [--b BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB] [--c C|D]",
    );
  });
});
