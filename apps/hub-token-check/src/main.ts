import { HubSetupError, isHubSetupError } from "@hub-setup/core";
import { commandOnPath } from "./advice/on-path.js";
import { fixCommand } from "./advice/run-context.js";
import { runCheck, type CheckPorts } from "./check.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";
import { parseOptions, type CheckOptions } from "./options.js";
import { renderJson } from "./report/json.js";
import type { CheckResult } from "./report/result.js";
import type { Finding } from "./scan/finding.js";
import { renderSarif } from "./report/sarif.js";
import { renderText } from "./report/text.js";
import { diskReader } from "./source/disk.js";
import { gitRunner, gitStreamer, type GitRunner } from "./source/run-git.js";

/** The --fix bundle (see fix/fix-entry.ts), loaded only when --fix runs. */
export type FixModule = {
  fixFindings: (findings: readonly Finding[], ctx: { io: Io; root: string }) => Promise<void>;
};

export type MainDeps = {
  io: Io;
  version: string;
  /** Loads the --fix code. bin.ts loads the second bundle; tests import the source. */
  loadFix?: () => Promise<FixModule>;
  /** Fakes for tests; the real git and file system otherwise. */
  ports?: Partial<CheckPorts>;
  /** The command that runs this checker (node and script), for the hook `install` writes. */
  self?: readonly string[];
};

function reportError(io: Io, error: unknown): ExitCode {
  if (isHubSetupError(error)) {
    io.stderr(`hub-token-check: ${error.message}\n${error.hint === undefined ? "" : `  ${error.hint}\n`}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`hub-token-check: the scan could not run: ${message}\n`);
  }
  return EXIT.ERROR;
}

/** The pre-commit hook's copy of the checker comes without the --fix bundle: say where --fix runs. */
async function loadFix(deps: MainDeps): Promise<FixModule> {
  const missing = () =>
    new HubSetupError("USAGE", "--fix is not part of this copy of hub-token-check (the pre-commit hook's)", {
      hint: "run it from the npm package in a terminal: npx hub-token-check --fix",
    });
  if (deps.loadFix === undefined) throw missing();
  try {
    return await deps.loadFix();
  } catch (error) {
    if ((error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND") throw missing();
    throw error;
  }
}

async function repositoryRoot(git: GitRunner): Promise<string> {
  return (await git(["rev-parse", "--show-toplevel"])).toString("utf8").replace(/\n$/, "");
}

function render(opts: CheckOptions, result: CheckResult, deps: MainDeps): string {
  if (opts.format === "json") return renderJson(result);
  if (opts.format === "sarif") return renderSarif(result, deps.version);
  if (result.findings.length === 0) return renderText(result);
  const { env } = deps.io;
  return renderText(
    result,
    fixCommand({ env, self: deps.self ?? [], onPath: commandOnPath("hub-token-check", env) }),
  );
}

async function check(opts: CheckOptions, deps: MainDeps, ports: CheckPorts): Promise<ExitCode> {
  const { io } = deps;
  const result = await runCheck(opts, ports);
  if (opts.writeBaseline !== undefined) {
    const { writeBaselineFile } = await import("./baseline-file.js");
    await writeBaselineFile(io.cwd, opts.writeBaseline, result.findings);
    io.stderr(`hub-token-check: wrote ${result.findings.length} finding(s) to ${opts.writeBaseline}\n`);
    return EXIT.CLEAN;
  }
  io.stdout(render(opts, result, deps));
  if (result.findings.length === 0) return EXIT.CLEAN;
  if (opts.fix) {
    const root = opts.scope === "paths" ? io.cwd : await repositoryRoot(ports.git);
    await (await loadFix(deps)).fixFindings(result.findings, { io, root });
  }
  return EXIT.FINDINGS;
}

/** The composition root: argv in, exit code out. Only bin.ts touches `process`. */
export async function main(argv: readonly string[], deps: MainDeps): Promise<ExitCode> {
  const { io } = deps;
  try {
    const opts = parseOptions(argv, { underPreCommit: io.env["PRE_COMMIT"] === "1" });
    if (opts.command === "version") {
      io.stdout(`hub-token-check ${deps.version}\n`);
      return EXIT.CLEAN;
    }
    if (opts.command === "help") {
      io.stdout(HELP);
      return EXIT.CLEAN;
    }
    const ports: CheckPorts = {
      git: deps.ports?.git ?? gitRunner(io.cwd, io.env, io.loadSpawn),
      gitStream: deps.ports?.gitStream ?? gitStreamer(io.cwd, io.env, io.loadSpawnAsync),
      readFile: deps.ports?.readFile ?? diskReader(io.cwd),
    };
    if (opts.command === "install") {
      const { installHook } = await import("./install/install-hook.js");
      return await installHook({ io, git: ports.git, self: deps.self ?? [] });
    }
    return await check(opts, deps, ports);
  } catch (error) {
    return reportError(io, error);
  }
}
