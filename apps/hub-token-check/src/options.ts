import { parseArgs } from "node:util";
import { HubSetupError } from "@hub-setup/core";
import { OUTPUT_FORMATS, type OutputFormat } from "./report/result.js";

export type CheckOptions = {
  command: "check";
  /** staged: what is about to be committed; all: every tracked file; paths: the files named. */
  scope: "staged" | "all" | "paths";
  paths: string[];
  format: OutputFormat;
  baseline: string | undefined;
  writeBaseline: string | undefined;
  fix: boolean;
};

export type Options = CheckOptions | { command: "help" } | { command: "version" } | { command: "install" };

function usage(message: string): HubSetupError {
  return new HubSetupError("USAGE", message, { hint: "run `hub-token-check --help` for usage" });
}

/** What a commit runs: no arguments, so the staged files, reported as text. */
function stagedCheck(): CheckOptions {
  return {
    command: "check",
    scope: "staged",
    paths: [],
    format: "text",
    baseline: undefined,
    writeBaseline: undefined,
    fix: false,
  };
}

/**
 * argv → what to do. Every combination that makes no sense is refused here, with the reason.
 * `underPreCommit`: the pre-commit framework runs us (PRE_COMMIT=1) with the staged file names, where a
 * file named `install` is a file to scan, never the command that writes a git hook.
 */
export function parseOptions(argv: readonly string[], { underPreCommit = false } = {}): Options {
  // The hook's run, on every commit: no need to load and warm up node:util's parseArgs (~0.5 ms).
  if (argv.length === 0) return stagedCheck();
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "V" },
        all: { type: "boolean" },
        format: { type: "string", short: "f" },
        baseline: { type: "string" },
        "write-baseline": { type: "string" },
        fix: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (underPreCommit) {
    // The framework passes file names; a name like an option means the hook's `args:` lost their `--`.
    const odd = parsed.tokens.find(
      (token) => token.kind === "option" && ["help", "version", "write-baseline", "fix"].includes(token.name),
    );
    if (odd?.kind === "option") {
      throw new HubSetupError("USAGE", `${odd.rawName} is not run under the pre-commit framework`, {
        hint: "a staged file of that name? end this hook's `args:` in .pre-commit-config.yaml with `--`",
      });
    }
  }
  if (v.version === true) return { command: "version" };
  if (v.help === true) return { command: "help" };
  const positionals = parsed.positionals;
  // After `--` (the pre-commit hook's args), every word is a path: a file named `install` included.
  const installWord = parsed.tokens.find((token) => token.kind === "positional")?.index ?? -1;
  const terminator = parsed.tokens.find((token) => token.kind === "option-terminator")?.index ?? Infinity;
  if (
    positionals[0] === "install" &&
    positionals.length === 1 &&
    installWord < terminator &&
    !underPreCommit &&
    v.all !== true &&
    v.fix !== true
  ) {
    return { command: "install" };
  }
  const format = v.format ?? "text";
  if (!OUTPUT_FORMATS.includes(format as OutputFormat)) {
    throw usage(`--format ${format} is not one of ${OUTPUT_FORMATS.join(", ")}`);
  }
  if (v.all === true && positionals.length > 0)
    throw usage("--all scans every tracked file: give it no paths");
  if (v.fix === true && v["write-baseline"] !== undefined) {
    throw usage("--fix and --write-baseline do not go together");
  }
  return {
    ...stagedCheck(),
    scope: v.all === true ? "all" : positionals.length > 0 ? "paths" : "staged",
    paths: positionals,
    format: format as OutputFormat,
    baseline: v.baseline,
    writeBaseline: v["write-baseline"],
    fix: v.fix === true,
  };
}
