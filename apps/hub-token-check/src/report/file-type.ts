import { copiedBaseName } from "@hub-setup/core";
import type { Finding } from "../scan/finding.js";
import { shellQuote } from "./shell-quote.js";

/**
 * What kind of file a finding is in, for the wording of where it is and how to fix it: an INI file
 * (ansible.cfg) has sections and keys; every other file has lines and variables or keys, and its own
 * way to keep a token out of git.
 */
export type FileType = "ini" | "env" | "shell" | "container" | "ci" | "yaml" | "json" | "text";

const INI_NAME = /^\.?ansible\.cfg$|\.(?:cfg|ini)$/i;
const ENV_NAME = /^\.env(?:\..*)?$|\.env$|^\.envrc$/i;
const CONTAINER_NAME = /^(?:Containerfile|Dockerfile)(?:\..*)?$|\.(?:containerfile|dockerfile)$/i;
const SHELL_NAME = /\.(?:sh|bash|zsh|ksh)$|^\.(?:bashrc|bash_profile|profile|zshrc|zprofile)$/i;
const YAML_NAME = /\.ya?ml$/i;
const CI_YAML =
  /(?:^|[/\\])(?:\.gitlab-ci\.ya?ml|\.github[/\\]workflows[/\\][^/\\]+|\.circleci[/\\]config\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|\.drone\.ya?ml|action\.ya?ml)$/i;
const JSON_NAME = /\.json$/i;

/** The file type by the finding's path (a section means the file was read as INI). */
export function fileTypeOf(f: Pick<Finding, "path" | "section">): FileType {
  if (f.section != null) return "ini";
  const base = copiedBaseName(f.path);
  if (INI_NAME.test(base)) return "ini";
  if (ENV_NAME.test(base)) return "env";
  if (CONTAINER_NAME.test(base)) return "container";
  if (SHELL_NAME.test(base)) return "shell";
  if (YAML_NAME.test(base)) return CI_YAML.test(f.path) ? "ci" : "yaml";
  if (JSON_NAME.test(base)) return "json";
  return "text";
}

const TYPE_NAME: Record<Exclude<FileType, "ini" | "text">, string> = {
  env: "an env file",
  shell: "a shell script",
  container: "a Containerfile",
  ci: "a CI config",
  yaml: "a YAML file",
  json: "a JSON file",
};

/** Whether the finding's key is the environment variable itself (`ANSIBLE_GALAXY_SERVER_<ID>_TOKEN`). */
function isVariable(f: Pick<Finding, "key" | "fix">): boolean {
  return f.key != null && f.fix !== "hub-setup" && f.key.toUpperCase() === f.fix;
}

/** Where a finding is in a file that is not INI: its line and variable or key, and the file's type. */
export function textWhere(f: Pick<Finding, "path" | "section" | "line" | "key" | "fix" | "place">): string {
  const type = fileTypeOf(f);
  const of = type === "ini" || type === "text" ? "" : ` (${TYPE_NAME[type]})`;
  const name = f.key == null ? undefined : `${isVariable(f) ? "variable" : "key"} ${f.key}`;
  if (f.place === "comment")
    return `line ${f.line}${of}, in a commented-out ${name ?? "line"} (a comment in git is still a leak)`;
  if (f.place === "text" || name === undefined) return `the text of line ${f.line}${of}`;
  return `line ${f.line}${of}, ${name}`;
}

/** The variable to feed at run time: the finding's own, or one for the reader to name. */
function variableOf(f: Pick<Finding, "fix">): string | undefined {
  return f.fix === "hub-setup" ? undefined : f.fix;
}

/**
 * How to fix a finding in a file that is not INI, after `lead` (remove it / drop it from the URL): the
 * value comes out of the committed file and is fed at run time, the way that file type is fed.
 */
export function textFixSentence(f: Pick<Finding, "path" | "section" | "fix">, lead: string): string {
  const variable = variableOf(f);
  const secretName = variable ?? "HUB_TOKEN";
  const store = "`hub-setup` keeps the token in the secret store";
  switch (fileTypeOf(f)) {
    case "env":
      return `${lead}, and keep .env files out of git (\`.env\` in .gitignore, \`git rm --cached -- ${shellQuote(f.path)}\` if it is staged): commit a .env.example without the value, and let \`hub-setup exec -- <command>\` put ${variable ?? "the token"} in the environment from the secret store`;
    case "container":
      return `${lead}: an ENV or ARG value stays in the image's layers and history; pass the token as a build secret instead (\`RUN --mount=type=secret\`) — \`hub-setup ee build\` builds with the tokens as a build secret, never in the image`;
    case "ci":
      return `${lead} and keep the token in the CI's secret store: reference it (\`\${{ secrets.${secretName} }}\` on GitHub Actions, a masked and protected variable on GitLab CI) — \`hub-setup ci\` configures the job from it`;
    case "shell":
      return `${lead} and read ${variable ?? "the token"} from the environment the script runs in: run it under \`hub-setup exec -- <command>\`, which puts the token there from the secret store`;
    case "yaml":
      return `${lead} and reference it instead: an ansible-vault encrypted value, or the environment (\`{{ lookup('env', '${secretName}') }}\`, which \`hub-setup exec -- <command>\` fills from the secret store)`;
    case "json":
      return `${lead} (strip it from the export before committing) and feed it at run time from the environment or the secret store (${store})`;
    default:
      return `${lead} and feed it at run time from the environment${variable === undefined ? "" : ` (${variable})`} or the secret store (${store}; \`hub-setup exec -- <command>\` exports it)`;
  }
}
