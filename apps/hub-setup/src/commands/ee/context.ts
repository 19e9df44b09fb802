import {
  contextTokenRisks,
  EeContextError,
  HubSetupError,
  rewriteForBuildSecret,
  analyzeContainerfile,
  type BuilderFamily,
} from "@hub-setup/core";
import type { EeFiles } from "../../ports.js";

export type PreparedContext = {
  /** The context folder as given (absolute). */
  dir: string;
  /** Containerfile or Dockerfile. */
  name: string;
  family: BuilderFamily;
  /** How many ansible-galaxy steps now read the secret. */
  steps: number;
  /** The rewritten Containerfile text. */
  rewritten: string;
};

/**
 * Reads an ansible-builder context and rewrites its Containerfile in memory, after refusing a context
 * that already carries a token (which the build would bake into a layer whatever we do). Writes nothing.
 */
export async function readContext(
  files: Pick<EeFiles, "readContainerfile" | "readRiskFiles">,
  dir: string,
  secretId: string,
  serverIds: readonly string[] = [],
): Promise<PreparedContext> {
  const containerfile = await files.readContainerfile(dir);
  if (containerfile === undefined) {
    throw new EeContextError(
      "EMPTY",
      `not an ansible-builder context we recognise: ${dir} has no Containerfile or Dockerfile`,
      "the folder `ansible-builder create` writes (./context by default; give another with --context)",
    );
  }
  const risks = contextTokenRisks(await files.readRiskFiles(dir));
  if (risks.length > 0) {
    const lines = risks
      .map((r) => `  - ${r.path}:${r.line}: ${r.key == null ? r.redacted : `${r.key} = ${r.redacted}`}`)
      .join("\n");
    const fixes = [
      risks.some((r) => r.file === "ansible-cfg")
        ? "remove the token (or password) line from that ansible.cfg, and from the file your execution-environment.yml copies it from (additional_build_files)"
        : "",
      risks.some((r) => r.file === "containerfile")
        ? "remove the ARG/ENV default from additional_build_steps in execution-environment.yml (and drop the --build-arg)"
        : "",
      risks.some((r) => r.file === "other")
        ? "remove the token from the other files named, and from wherever your execution-environment.yml copies them from"
        : "",
    ].filter((f) => f !== "");
    throw new HubSetupError(
      "TOKEN_IN_BUILD",
      `the build context carries a token, which any build would copy into the image:\n${lines}`,
      {
        hint: `Nothing was built. To fix it, ${fixes.join("; and ")}; then run \`ansible-builder create\` again and let hub-setup provide the token as a build secret. Treat that token as exposed: replace it.`,
      },
    );
  }
  const analysis = analyzeContainerfile(containerfile.text);
  if (!analysis.ok) throw analysis.error;
  const rewritten = rewriteForBuildSecret(containerfile.text, { secretId, serverIds });
  return {
    dir,
    name: containerfile.name,
    family: analysis.family,
    steps: analysis.installSteps.length,
    rewritten,
  };
}
