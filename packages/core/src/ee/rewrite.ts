import { HubSetupError } from "../errors.js";
import { serverIdProblem } from "../galaxy/index.js";
import { analyzeContainerfile } from "./analyze.js";
import { EeContextError } from "./errors.js";
import { joinPhysicalLines, parseContainerfile } from "./instructions.js";
import { isValidSecretId, unwrapRunLine, wrapRunLine } from "./run-step.js";

export type BuildSecretRewriteOptions = {
  /** The build secret's id (`--secret id=<secretId>,src=…`): letters, digits, `_`, `.`, `-`. */
  secretId: string;
  /** The galaxy server ids the secret file defines; checked so every variable name can be exported. */
  serverIds?: readonly string[];
  /**
   * Put `# syntax=docker/dockerfile:1` on top when the file has no syntax directive. Only a Docker
   * BuildKit older than the 1.2 frontend needs it (buildah, podman and Docker 23+ read RUN --mount
   * without it), and it makes BuildKit fetch the frontend image, so it is off by default.
   */
  ensureSyntax?: boolean;
};

export const DOCKERFILE_SYNTAX = "docker/dockerfile:1";

/** The build secret id hub-setup uses unless told otherwise. */
export const DEFAULT_BUILD_SECRET_ID = "hub-setup-galaxy";

/**
 * The Containerfile with every ansible-galaxy install step reading the servers' settings from a build
 * secret: `RUN --mount=type=secret,id=<id>,required=true set -a && . /run/secrets/<id> && set +a && <command>`.
 * The variables exist only in that RUN's shell, so no layer, history entry or later stage holds them.
 * Every other byte is kept; rewriting a rewritten file with the same options gives it back unchanged.
 * Throws EeContextError for a context we do not recognise, HubSetupError for a bad id.
 */
export function rewriteForBuildSecret(text: string, options: BuildSecretRewriteOptions): string {
  const { secretId, serverIds = [], ensureSyntax = false } = options;
  if (!isValidSecretId(secretId)) {
    throw new EeContextError(
      "BAD_SECRET_ID",
      `"${secretId}" cannot be a build secret id`,
      "letters, digits, `_`, `.` or `-`, starting with a letter or digit",
    );
  }
  for (const id of serverIds) {
    const problem = serverIdProblem(id);
    if (problem !== undefined) {
      throw new HubSetupError("INVALID_SERVER_ID", `server id "${id}": ${problem.reason}`, {
        hint: `Use "${problem.suggestion}" instead.`,
      });
    }
  }
  const analysis = analyzeContainerfile(text);
  if (!analysis.ok) throw analysis.error;

  const parsed = parseContainerfile(text);
  const lines = parsed.lines.slice();
  for (const step of analysis.installSteps) {
    const index = step.firstLine - 1;
    const line = lines[index];
    if (line === undefined) continue;
    const wrapped = wrapRunLine(unwrapRunLine(line.text), secretId);
    lines[index] = { text: wrapped, eol: line.eol };
  }
  const body = joinPhysicalLines(lines);
  if (!ensureSyntax || analysis.syntax !== undefined) return body;
  const eol = lines[0]?.eol === "\r\n" ? "\r\n" : "\n";
  return `# syntax=${DOCKERFILE_SYNTAX}${eol}${body}`;
}
