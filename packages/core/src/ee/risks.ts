/**
 * The tokens a build context already carries: core's one detector (findSecrets) over every text file
 * of the context, since a build copies whatever the context holds into a layer. What ee adds is not
 * detection but which file the finding is in, for the advice: an ansible.cfg (copied in by
 * additional_build_files), a Containerfile (an ARG/ENV default from additional_build_steps), or
 * another file. Values are only ever kept in the detector's redacted form.
 */
import { findSecrets, isIniShaped } from "../secrets/find-secrets.js";
import type { Finding } from "../secrets/finding.js";

/** What a file is to an ansible-builder context. */
export type ContextFileRole = "ansible-cfg" | "containerfile" | "other";

export type ContextTokenRisk = Pick<Finding, "path" | "line" | "column" | "kind" | "key" | "redacted"> & {
  file: ContextFileRole;
};

export type ContextFile = { path: string; text: string };

function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, "/").lastIndexOf("/") + 1);
}

function roleOf(file: ContextFile): ContextFileRole {
  if (/^(Containerfile|Dockerfile)(\..*)?$|\.(containerfile|dockerfile)$/i.test(baseName(file.path)))
    return "containerfile";
  return isIniShaped(file.path, file.text) ? "ansible-cfg" : "other";
}

export function contextTokenRisks(files: readonly ContextFile[]): ContextTokenRisk[] {
  return files.flatMap((file) => {
    const role = roleOf(file);
    return findSecrets(file.text, { path: file.path }).map((f) => ({
      path: f.path,
      line: f.line,
      column: f.column,
      kind: f.kind,
      key: f.key,
      redacted: f.redacted,
      file: role,
    }));
  });
}
