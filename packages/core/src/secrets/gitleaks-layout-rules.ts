/**
 * gitleaks rules for values written apart from their name (see pair-entries.ts): gitleaks matches a
 * file's text with one regex per rule, so each layout is a regex over several lines. RE2 has no
 * backreferences or lookarounds, so "the same mapping" is approximated: the lines between a name and its
 * value may not start a new list item or close an object, and only a block's known keys are skipped.
 */
/** One gitleaks rule: its regex (RE2), keywords, and the allowlist of secrets that are no secret. */
export type Rule = { id: string; description: string; regex: string; keywords: string[]; allow?: string[] };

/** Hub key names as Ansible content, Tekton params and Kubernetes Secrets write them (`ah_token`, `ah-token`). */
const HUB_KEY = String.raw`(?:(?:ah|pah|automation[_-]?hub|private[_-]?hub|rh[_-]?automation[_-]?hub|galaxy)[_-](?:api[_-])?(?:token|password|offline[_-]token|client[_-]secret)|(?:offline|refresh)[_-]token)`;
/** A line between a `name` entry and its `value` in the same mapping: no new item, no brace. */
const BETWEEN = String.raw`(?:\r?\n[ \t]*(?:[^\s{}\[\]#-][^\n{}\[\]]*|#[^\n]*)?){0,4}?[ \t]*,?[ \t]*`;
/** The value: quoted, bare, or a block scalar's first line (`value: |` and the value below it). */
const VALUE = String.raw`(?:[|>][-+0-9]*[ \t]*\r?\n[ \t]+)?["']?([^\s'"},]+)`;

export function layoutRules(hubVariable: string, allow: string[]): Rule[] {
  const names = `(?:${hubVariable}|${HUB_KEY})`;
  return [
    {
      id: "hub-setup-name-value-pair",
      description:
        "An env/param entry naming a hub credential with a literal value or default (Kubernetes, ECS, Terraform, Tekton)",
      regex: String.raw`(?i)\bname["']?[ \t]*[:=][ \t]*["']?${names}["']?[ \t]*,?${BETWEEN}["']?(?:value|default)["']?[ \t]*[:=][ \t]*${VALUE}`,
      keywords: ["name"],
      allow,
    },
    {
      id: "hub-setup-value-name-pair",
      description: "The same entry with its value written before its name (`- value: …` then `name: NAME`)",
      regex: String.raw`(?i)\bvalue["']?[ \t]*[:=][ \t]*${VALUE}["']?[ \t]*,?${BETWEEN}["']?name["']?[ \t]*[:=][ \t]*["']?${names}\b`,
      keywords: ["name"],
      allow,
    },
    {
      id: "hub-setup-block-value",
      description:
        "A hub credential written as a block: GitLab's `NAME:` + `value:`, a Terraform `variable` block + `default =`",
      regex: String.raw`(?i)\b${names}["']?[ \t]*(?::|\{)[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]+(?:description|expand|options|type|sensitive|nullable|ephemeral|-)[^\n]*\r?\n){0,6}?[ \t]+(?:value|default)[ \t]*[:=][ \t]*${VALUE}`,
      keywords: ["ansible_galaxy_", "token", "password", "secret"],
      allow,
    },
    {
      id: "hub-setup-yaml-block-scalar",
      description: "A hub credential as a YAML block scalar (`NAME: |` and the value on the next line)",
      regex: String.raw`(?i)\b${names}["']?[ \t]*:[ \t]*[|>][-+0-9]*[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]+([^\s'":]+)`,
      keywords: ["ansible_galaxy_", "token", "password", "secret"],
      allow,
    },
    {
      id: "hub-setup-hyphenated-hub-key",
      description: "A hub credential under a hyphenated key (a Kubernetes Secret's `ah-token:`, `offline-token:`)",
      regex: String.raw`(?i)(?:^|[\s"'{,])(?:(?:ah|pah|automation-hub|private-hub|rh-automation-hub|galaxy)-(?:api-)?(?:token|password|offline-token|client-secret)|(?:offline|refresh)-token)["']?[ \t]*:[ \t]*["']?([^\s'"]+)`,
      keywords: ["-token", "-password", "-secret"],
      allow,
    },
    {
      id: "hub-setup-interpolated-hub-token",
      description:
        "A hub API token (40 hex) in ansible.cfg under any key, read through a %(name)s interpolation below it",
      regex: String.raw`(?m)^[ \t]*[\w.-]+[ \t]*[=:][ \t]*([0-9a-f]{40})[ \t]*\r?\n(?:[^\n]*\r?\n){0,12}?[ \t]*[\w.-]+[ \t]*[=:][ \t]*%\([\w.-]+\)s`,
      keywords: ["%("],
    },
  ];
}
