import { join, resolve } from "node:path";
import { DEFAULT_BUILD_SECRET_ID, HubSetupError } from "@hub-setup/core";
import { EXIT } from "../../exit-codes.js";
import { usageError } from "../../flags.js";
import type { ChildExit } from "../../ports.js";
import { isInside, parseWithPassThrough, pathFlag, runtimeFlag } from "./args.js";
import { chooseRuntime, type ChosenRuntime } from "./choose-runtime.js";
import { readContext } from "./context.js";
import type { EeDeps } from "./deps.js";
import { buildCommand } from "./runtime.js";
import { secretForBuild } from "./secret-file.js";
import { refreshOffline, type SecretPlan } from "./servers.js";
import { EE_BUILD } from "../specs.js";
import { verifyImage } from "./verify.js";

/** ansible-builder's own default tag. */
export const DEFAULT_TAG = "ansible-execution-env:latest";

function tagFlag(value: unknown): string {
  if (value === undefined) return DEFAULT_TAG;
  if (typeof value !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(value)) {
    throw usageError(EE_BUILD, "--tag needs an image name such as my-ee:1.0");
  }
  return value;
}

function ended(exit: ChildExit): string {
  if (exit.kind === "error") return `could not be started (${exit.message})`;
  return exit.code != null ? `exited with ${exit.code}` : `was killed by ${exit.signal ?? "a signal"}`;
}

/**
 * A failed build: when it used offline tokens, ask the SSO again, so that a token revoked or expired
 * during the build is named in a plain message (exit 3) instead of a Python traceback in the build log.
 */
async function explainFailure(
  deps: EeDeps,
  runtime: ChosenRuntime,
  exit: ChildExit,
  plan: SecretPlan,
): Promise<never> {
  if (plan.offline.length > 0) {
    const checks = await deps.openChecks();
    try {
      await refreshOffline(plan, checks, deps.signal, "the build failed");
    } finally {
      await checks.close();
    }
  }
  throw new HubSetupError(
    "EE_RUNTIME",
    `the build failed: ${runtime.name} ${ended(exit)} (its output is above)`,
    {
      hint: "The temporary secret is deleted. If an ansible-galaxy step failed, `hub-setup status` checks each server.",
    },
  );
}

/** Copies the context, writes the rewritten Containerfile and the secret, builds; always removes the folder. */
async function buildInPrivateFolder(
  deps: EeDeps,
  runtime: ChosenRuntime,
  request: {
    contextDir: string;
    name: string;
    rewritten: string;
    tag: string;
    secret: string;
    extra: string[];
  },
): Promise<ChildExit> {
  const work = await deps.files.makePrivateDir("hub-setup-ee-");
  try {
    if (isInside(work, request.contextDir)) {
      throw new HubSetupError("INVALID_OPTION", `the temp folder ${work} is inside the build context`, {
        hint: "Set TMPDIR to a folder outside the context.",
      });
    }
    const copy = join(work, "context");
    await deps.files.copyTree(request.contextDir, copy);
    await deps.files.writeFile(join(copy, request.name), request.rewritten, 0o644);
    const secretFile = join(work, "galaxy.env");
    await deps.files.writeFile(secretFile, request.secret, 0o600);
    const { command, args } = buildCommand(runtime.name, {
      containerfile: join(copy, request.name),
      context: copy,
      tag: request.tag,
      secretId: DEFAULT_BUILD_SECRET_ID,
      secretFile,
      extra: request.extra,
    });
    return await deps.runtimes.build(command, args, deps.signal);
  } finally {
    await deps.files.remove(work);
  }
}

export async function runBuild(argv: readonly string[], deps: EeDeps): Promise<number> {
  const { values, passThrough } = parseWithPassThrough(EE_BUILD, argv);
  if (values.help === true) {
    deps.stdout(EE_BUILD.usage);
    return EXIT.OK;
  }
  const contextDir = resolve(deps.cwd, pathFlag(EE_BUILD, "context", values.context) ?? "context");
  const tag = tagFlag(values.tag);
  const preferred = runtimeFlag(EE_BUILD, values.runtime);

  const context = await readContext(deps.files, contextDir, DEFAULT_BUILD_SECRET_ID);
  const runtime = await chooseRuntime(deps.runtimes, preferred);
  const { plan, text } = await secretForBuild(deps, "ee build", values["allow-new-origin"] === true);
  if (deps.signal.aborted) return EXIT.CANCELLED;

  deps.stderr(
    `hub-setup ee build: building ${tag} with ${runtime.name} ${runtime.version} from a copy of ${contextDir} ` +
      `(${context.family}): ${context.steps} ansible-galaxy step(s) read ${plan.servers.map((s) => s.id).join(", ")} from build secret "${DEFAULT_BUILD_SECRET_ID}"\n`,
  );
  const exit = await buildInPrivateFolder(deps, runtime, {
    contextDir,
    name: context.name,
    rewritten: context.rewritten,
    tag,
    secret: text,
    extra: passThrough,
  });
  if (deps.signal.aborted) {
    deps.stderr("hub-setup ee build: stopped; the build was interrupted and its temporary secret deleted\n");
    return EXIT.CANCELLED;
  }
  if (exit.kind === "error" || exit.code !== 0) return explainFailure(deps, runtime, exit, plan);

  const verified = await verifyImage(deps, runtime, tag, plan);
  deps.stdout(
    verified.searched
      ? `built ${tag}; verified: no token in the image's config, history or ${verified.layers} layers\n`
      : `built ${tag}; no server has a token, so there was none to look for in the image\n`,
  );
  return EXIT.OK;
}
