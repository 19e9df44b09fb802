import { redactValue } from "../token/index.js";

/**
 * The obvious ways a build context carries a token: an ansible.cfg with a non-empty `token =` or
 * `password =`, and an ARG or ENV default for ANSIBLE_GALAXY_SERVER_*_TOKEN / _PASSWORD in a
 * Containerfile. Small on purpose: the shared token detector will take this over. Values are only
 * ever kept redacted.
 */
export type ContextTokenRisk = {
  path: string;
  /** 1-based line. */
  line: number;
  kind: "ansible-cfg-secret" | "containerfile-secret-default";
  /** The option or variable name, e.g. `token` or `ANSIBLE_GALAXY_SERVER_HUB_TOKEN`. */
  key: string;
  redacted: string;
};

export type ContextFile = { path: string; text: string };

const CFG_SECRET = /^\s*(token|password)\s*[=:]\s*(.*?)\s*$/i;
const ARG_OR_ENV = /^\s*(ARG|ENV)\s+(.*)$/i;
const SERVER_SECRET_VAR = /^ANSIBLE_GALAXY_SERVER_[A-Z0-9_]+_(?:TOKEN|PASSWORD)$/;

function baseName(path: string): string {
  return path.slice(path.replace(/\\/g, "/").lastIndexOf("/") + 1);
}

function isAnsibleCfg(path: string): boolean {
  return /^\.?ansible\.cfg$/i.test(baseName(path)) || /\.cfg$/i.test(baseName(path));
}

function isContainerfile(path: string): boolean {
  return /^(Containerfile|Dockerfile)(\..*)?$|\.(containerfile|dockerfile)$/i.test(baseName(path));
}

function unquoted(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** `NAME=value` pairs of an ARG/ENV line, plus ENV's legacy `ENV NAME value` form. */
function assignments(keyword: string, rest: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(?!\S*=)(.+)$/.exec(rest);
  if (keyword.toUpperCase() === "ENV" && legacy != null) return [[legacy[1] ?? "", legacy[2] ?? ""]];
  const pair = /([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const m of rest.matchAll(pair)) out.push([m[1] ?? "", m[2] ?? ""]);
  return out;
}

export function contextTokenRisks(files: readonly ContextFile[]): ContextTokenRisk[] {
  const risks: ContextTokenRisk[] = [];
  for (const file of files) {
    const cfg = isAnsibleCfg(file.path);
    const cf = isContainerfile(file.path);
    if (!cfg && !cf) continue;
    file.text.split(/\r?\n/).forEach((text, i) => {
      if (cfg) {
        const m = CFG_SECRET.exec(text);
        const value = unquoted(m?.[2] ?? "");
        if (m != null && value !== "") {
          const key = (m[1] ?? "").toLowerCase();
          risks.push({
            path: file.path,
            line: i + 1,
            kind: "ansible-cfg-secret",
            key,
            redacted: redactValue(value, key),
          });
        }
      }
      if (cf) {
        const m = ARG_OR_ENV.exec(text);
        if (m == null) return;
        for (const [name, raw] of assignments(m[1] ?? "", m[2] ?? "")) {
          const value = unquoted(raw);
          if (!SERVER_SECRET_VAR.test(name.toUpperCase()) || value === "") continue;
          risks.push({
            path: file.path,
            line: i + 1,
            kind: "containerfile-secret-default",
            key: name,
            redacted: redactValue(value, name),
          });
        }
      }
    });
  }
  return risks;
}
