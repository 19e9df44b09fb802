import { describe, expect, it } from "vitest";
import { callArgument, isAssignmentAt, isSpacedSetter } from "./setter-forms.js";

const NAME = "ANSIBLE_GALAXY_SERVER_HUB_TOKEN";

function at(raw: string): { start: number; end: number } {
  const start = raw.indexOf(NAME);
  return { start, end: start + NAME.length };
}

describe("isSpacedSetter", () => {
  it.each([
    `ENV ${NAME} v`,
    `    - ENV ${NAME} v`,
    `  - "ENV ${NAME} v"`,
    `append_final: ['ENV ${NAME} v']`,
    `set -gx ${NAME} v`,
    `set --export --universal ${NAME} v`,
    `if x; set -x ${NAME} v; end`,
    `setx ${NAME} v /M`,
  ])("%j takes its value after white space", (raw) => {
    expect(isSpacedSetter(raw, at(raw).start)).toBe(true);
  });

  it.each([`echo ${NAME} v`, `# set the ${NAME} v`, `docs: ENVIRONMENT ${NAME} v`, `${"x".repeat(100)} set ${NAME} v`])(
    "%j does not",
    (raw) => {
      expect(isSpacedSetter(raw, at(raw).start)).toBe(false);
    },
  );
});

describe("callArgument and isAssignmentAt", () => {
  it("find a setter's or getter's literal second argument", () => {
    for (const raw of [
      `os.environ.setdefault("${NAME}", "v")`,
      `[Environment]::SetEnvironmentVariable('${NAME}', 'v', 'User')`,
      `monkeypatch.setenv("${NAME}", "v")`,
      `os.getenv("${NAME}", "v")`,
    ]) {
      const { start, end } = at(raw);
      expect(raw.slice(callArgument(raw, start, end)), raw).toMatch(/^["']v/);
    }
    const dynamic = `os.environ.setdefault("${NAME}", token)`;
    expect(callArgument(dynamic, at(dynamic).start, at(dynamic).end)).toBeUndefined();
    const other = `print("${NAME}", "v")`;
    expect(callArgument(other, at(other).start, at(other).end)).toBeUndefined();
  });

  it("tell an assignment to a member from a comparison or an arrow", () => {
    expect(isAssignmentAt(` = "v"`, 0)).toBe(true);
    expect(isAssignmentAt(`=v`, 0)).toBe(true);
    expect(isAssignmentAt(` === "v"`, 0)).toBe(false);
    expect(isAssignmentAt(` => v`, 0)).toBe(false);
    expect(isAssignmentAt(` ?? "v"`, 0)).toBe(false);
  });
});
