import { basename, dirname, join, resolve } from "node:path";
import { DEFAULT_BUILD_SECRET_ID, HubSetupError } from "@hub-setup/core";
import { EXIT } from "../../exit-codes.js";
import { quoteSh } from "../../shell/quote.js";
import type { RuntimeName } from "../../ports.js";
import { isInside, parseWithPassThrough, pathFlag, runtimeFlag } from "./args.js";
import { DEFAULT_TAG } from "./build.js";
import { readContext } from "./context.js";
import type { EeDeps } from "./deps.js";
import { buildCommand, RUNTIMES } from "./runtime.js";
import { EE_PREPARE } from "../specs.js";

/** A shell word: quoted only when it needs to be. */
function word(text: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(text) ? text : quoteSh(text);
}

/** The commands to run elsewhere, with `$secret` for the secret file's path (made by mktemp, 0600). */
export function buildRecipe(out: string, name: string, runtimes: readonly RuntimeName[]): string {
  const lines = runtimes.map((runtime) => {
    const { command, args } = buildCommand(runtime, {
      containerfile: join(out, name),
      context: out,
      tag: DEFAULT_TAG,
      secretId: DEFAULT_BUILD_SECRET_ID,
      secretFile: "SECRET",
      extra: [],
    });
    const text = [command, ...args].map(word).join(" ");
    return `  ${text.replace(`src=SECRET`, 'src="$secret"')}`;
  });
  return [
    "Make the secret file (it holds your tokens: 0600, outside the context), build, then delete it:",
    "",
    '  secret=$(mktemp) && hub-setup ee secret --out "$secret"',
    ...(lines.length > 1 ? ["", "  # then one of:"] : []),
    ...lines,
    '  rm -f "$secret"',
    "",
  ].join("\n");
}

export async function runPrepare(argv: readonly string[], deps: EeDeps): Promise<number> {
  const { values, passThrough } = parseWithPassThrough(EE_PREPARE, argv);
  if (values.help === true) {
    deps.stdout(EE_PREPARE.usage);
    return EXIT.OK;
  }
  if (passThrough.length > 0) {
    throw new HubSetupError(
      "USAGE",
      "ee prepare: takes no runtime arguments (add them to the printed command)",
      {
        hint: "run `hub-setup ee prepare --help` for its usage",
      },
    );
  }
  const contextDir = resolve(deps.cwd, pathFlag(EE_PREPARE, "context", values.context) ?? "context");
  const out = resolve(
    deps.cwd,
    pathFlag(EE_PREPARE, "out", values.out) ?? join(dirname(contextDir), `${basename(contextDir)}.hub-setup`),
  );
  const runtime = runtimeFlag(EE_PREPARE, values.runtime);
  if (isInside(out, contextDir) || isInside(contextDir, out)) {
    throw new HubSetupError("USAGE", `ee prepare: --out ${out} must be outside the context ${contextDir}`, {
      hint: "give --out a folder beside the context",
    });
  }
  const context = await readContext(deps.files, contextDir, DEFAULT_BUILD_SECRET_ID);
  const there = await deps.files.stat(out);
  if (there.exists && !(there.dir && there.empty)) {
    throw new HubSetupError("USAGE", `ee prepare: ${out} already exists`, {
      hint: "remove it (a previous prepare?) or give another --out",
    });
  }
  if (there.exists) await deps.files.remove(out);
  await deps.files.copyTree(contextDir, out);
  await deps.files.writeFile(join(out, context.name), context.rewritten, 0o644);
  deps.stdout(
    `Prepared ${out}: a copy of ${contextDir} (${context.family}) whose ${context.steps} ansible-galaxy step(s) read the galaxy servers from build secret "${DEFAULT_BUILD_SECRET_ID}".\n\n` +
      buildRecipe(out, context.name, runtime === undefined ? RUNTIMES : [runtime]),
  );
  return EXIT.OK;
}
