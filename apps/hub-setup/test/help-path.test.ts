import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { modulesLoaded, tempDir } from "@hub-setup/test-utils";
import { describe, expect, it } from "vitest";

// What `hub-setup --help` (and `--version`, and a usage error in dispatch) costs at start-up, checked by
// what is loaded rather than by time (bench/startup.bench.mjs times it): Node's own modules, and the
// files of ours that Node resolves, reads and links before any command's code.

const bin = fileURLToPath(new URL("../bin/hub-setup.mjs", import.meta.url));
const helpPath = fileURLToPath(new URL("../dist/help-path.inputs.json", import.meta.url));

/** Node's own modules a run of the built command loaded, its output in a file as in the bench. */
function loadedBy(args: string[]): { status: number | null; stdout: string; loaded: string[] } {
  const { status, output, loaded } = modulesLoaded(bin, args, {
    env: { PATH: process.env["PATH"] ?? "", HOME: tempDir("hub-setup-modules-") },
  });
  return { status, stdout: output, loaded };
}

// What printing a text never needs. (The ES module loader itself reads files through
// internal/fs/promises, which brings internal/readline/interface: those two come with any .mjs.)
const HEAVY = [
  "crypto",
  "child_process",
  "readline",
  "readline/promises",
  "fs/promises",
  "net",
  "dgram",
  "tty",
  "os",
  "internal/deps/undici/undici",
];

describe("hub-setup's help path", () => {
  it.each([
    [["--help"], 0, "Usage:"],
    [["--version"], 0, "hub-setup "],
    [["no-such-command"], 2, 'unknown command "no-such-command"'],
    [["ee"], 2, "which one?"],
  ])("%j loads none of Node's crypto, child_process, readline, fs/promises, net…", (args, status, text) => {
    const run = loadedBy(args);
    expect(run.status).toBe(status);
    expect(run.stdout).toContain(text);
    expect(run.loaded).toContain("NativeModule fs");
    expect(run.loaded.filter((m) => HEAVY.some((name) => m === `NativeModule ${name}`))).toEqual([]);
  });

  it("is a few files of the registry, its specs and dispatch: no command's code, no detector", () => {
    // Written by build.mjs from esbuild's metafile: the entry and the chunks it imports statically.
    const { files, sources } = JSON.parse(readFileSync(helpPath, "utf8")) as {
      files: string[];
      sources: string[];
    };
    expect(sources).toEqual(
      expect.arrayContaining(["src/bin.ts", "src/main.ts", "src/registry.ts", "src/commands/status/spec.ts"]),
    );
    // Each module shared with a command is a chunk of its own unless every command reaches it alike
    // (commands/specs.ts): 5 files today (the entry, the specs, the exit codes, signals, esbuild's
    // helpers). One chunk per spec made it 21, and `--help` about 15% slower (2.0-2.3 times node -e 0).
    expect(files.length).toBeLessThanOrEqual(5);
    expect(sources.filter((s) => !s.startsWith("src/") && s !== "package.json")).toEqual([]);
    expect(sources.filter((s) => /safe-arg|report|adapters\/|commands\/[^/]+\/(?!spec\.ts)/.test(s))).toEqual(
      [],
    );
  });
});
