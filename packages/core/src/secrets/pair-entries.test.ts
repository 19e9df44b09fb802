import { describe, expect, it } from "vitest";
import type { ScanLine } from "./cfg-line.js";
import { blockScalarValue, childValue, nameEntryKey, pairedValue } from "./pair-entries.js";

const NAME = "ANSIBLE_GALAXY_SERVER_HUB_TOKEN";

function lines(text: string): ScanLine[] {
  return text.split("\n").map((raw, i) => ({ line: i + 1, kind: "invalid", raw }));
}

/** The value paired with NAME's entry on its line, and the line it was found on. */
function paired(text: string): [string, number] | undefined {
  const ls = lines(text);
  const index = ls.findIndex((l) => l.raw.includes(NAME));
  const raw = ls[index]?.raw ?? "";
  const start = raw.indexOf(NAME);
  const key = nameEntryKey(raw, start);
  if (key < 0) return undefined;
  const found = pairedValue(ls, index, key, start + NAME.length);
  return found === undefined ? undefined : [found.value.text, found.line.line];
}

describe("pairedValue", () => {
  it.each([
    [`- name: ${NAME}\n  value: v1`, ["v1", 2]],
    [`- value: "v2"\n  name: ${NAME}`, ["v2", 1]],
    [`env: [{name: ${NAME}, value: 'v3'}]`, ["v3", 1]],
    [`env: [{value: v4, name: ${NAME}}]`, ["v4", 1]],
    [`{\n  "name": "${NAME}",\n  "value": "v5"\n}`, ["v5", 3]],
    [`env {\n  name  = "${NAME}"\n  value = "v6"\n}`, ["v6", 3]],
    [`- name: ${NAME}\n  type: string\n  # a comment\n  default: v7`, ["v7", 4]],
  ] as const)("finds the sibling of %j", (text, expected) => {
    expect(paired(text)).toEqual(expected);
  });

  it.each([
    `- name: ${NAME}\n  valueFrom:\n    secretKeyRef: {name: s, key: token}`,
    `- name: ${NAME}\n- name: OTHER\n  value: not-its`,
    `- name: OTHER\n  value: not-its\n- name: ${NAME}`,
    `env: [{name: ${NAME}, valueFrom: x}, {name: OTHER, value: not-its}]`,
    `containers:\n  - name: ${NAME}\n    image: x\nvalue: not-its`,
  ])("finds none in %j", (text) => {
    expect(paired(text)).toBeUndefined();
  });
});

describe("childValue and blockScalarValue", () => {
  it("read a GitLab expanded variable's and a Terraform variable's value", () => {
    expect(childValue(lines(`${NAME}:\n  description: d\n  value: "v"`), 0)?.value.text).toBe("v");
    expect(childValue(lines(`variable "ah_token" {\n  type = string\n  default = "v"\n}`), 0)?.value.text).toBe("v");
    expect(childValue(lines(`${NAME}:\nOTHER:\n  value: not-its`), 0)).toBeUndefined();
  });

  it("read a block scalar's first line, only when it is indented under its key", () => {
    expect(blockScalarValue(lines(`  ${NAME}: |\n\n    v`), 0)?.value.text).toBe("v");
    expect(blockScalarValue(lines(`  ${NAME}: |\n  OTHER: x`), 0)).toBeUndefined();
  });
});
