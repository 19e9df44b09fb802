import { shellQuote } from "../report/shell-quote.js";

/** Where this checker runs, as far as the commands it suggests depend on it. */
export type RunContext = {
  env: Readonly<Record<string, string | undefined>>;
  /** node and the script that runs this checker (empty when unknown). */
  self: readonly string[];
  /** Whether `hub-token-check` is a command on PATH. */
  onPath: boolean;
};

/** Started by npm: `npx`, `npm exec`, an npm script, husky's `npx --no-install hub-token-check`. */
function viaNpm(env: RunContext["env"]): boolean {
  return env["npm_command"] !== undefined && env["npm_command"] !== "";
}

/**
 * The command that runs `hub-token-check --fix` in the user's terminal, for the place this run came
 * from. npm put node_modules/.bin on PATH for this process only, so there it is npx; else the command on
 * PATH; the pre-commit framework's copy (`language: script`) has no --fix bundle, so there it is the npm
 * package; else the very node and script this run is (our own git hook runs it by its path).
 */
export function fixCommand(ctx: RunContext): string {
  if (viaNpm(ctx.env)) return "npx hub-token-check --fix";
  if (ctx.onPath) return "hub-token-check --fix";
  const [node, script] = ctx.self;
  if (ctx.env["PRE_COMMIT"] === "1" || node === undefined || script === undefined) {
    return "npx hub-token-check --fix";
  }
  return `${shellQuote(node)} ${shellQuote(script)} --fix`;
}

/**
 * The `entry:` of a local pre-commit hook that runs this checker: the command on PATH, unless it is
 * there only because npm started this run (then the copy in the project's node_modules, through npx).
 */
export function preCommitEntry(ctx: RunContext): string {
  return ctx.onPath && !viaNpm(ctx.env) ? "hub-token-check" : "npx --no-install hub-token-check";
}
