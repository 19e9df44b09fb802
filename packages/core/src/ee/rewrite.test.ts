import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeContainerfile } from "./analyze.js";
import { EeContextError } from "./errors.js";
import { rewriteForBuildSecret } from "./rewrite.js";
import { unwrapRunLine } from "./run-step.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "fixtures", "ee");
const read = (name: string): string => readFileSync(join(fixtures, name, "context", "Containerfile"), "utf8");
const v30 = read("ok.builder-3.0");
const v31 = read("ok.builder-3.1");
const opts = { secretId: "galaxy" };

/** Inserts `extra` lines before line index `at` (0-based) of `text`. */
function insertLines(text: string, at: number, extra: string[]): string {
  const lines = text.split("\n");
  lines.splice(at, 0, ...extra);
  return lines.join("\n");
}

const galaxyStageLine = (text: string): number =>
  text.split("\n").findIndex((l) => /^FROM base (?:as|AS) galaxy$/.test(l));

describe("rewriteForBuildSecret", () => {
  it("wraps the role and collection steps and nothing else", () => {
    const out = rewriteForBuildSecret(v31, opts);
    const before = v31.split("\n");
    const after = out.split("\n");
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((l, i) => (l === before[i] ? [] : [i]));
    expect(changed).toHaveLength(2);
    expect(after[changed[1] ?? -1]).toBe(
      'RUN --mount=type=secret,id=galaxy,required=true set -a && . /run/secrets/galaxy && set +a && ANSIBLE_GALAXY_DISABLE_GPG_VERIFY=1 ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml --collections-path "/usr/share/ansible/collections"',
    );
  });

  it("is idempotent, and a second id replaces the first", () => {
    const once = rewriteForBuildSecret(v30, opts);
    expect(rewriteForBuildSecret(once, opts)).toBe(once);
    const other = rewriteForBuildSecret(once, { secretId: "other" });
    expect(other).toBe(rewriteForBuildSecret(v30, { secretId: "other" }));
    expect(other).not.toContain("id=galaxy");
  });

  it("keeps CRLF line ends and a missing final newline", () => {
    const crlf = v31.replaceAll("\n", "\r\n").replace(/\r\n$/, "");
    const out = rewriteForBuildSecret(crlf, opts);
    expect(out.endsWith('CMD ["bash"]')).toBe(true);
    expect(out.split("\r\n")).toHaveLength(crlf.split("\r\n").length);
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("adds a syntax directive only when asked and only once", () => {
    expect(rewriteForBuildSecret(v31, opts).startsWith("ARG ")).toBe(true);
    const withSyntax = rewriteForBuildSecret(v31, { ...opts, ensureSyntax: true });
    expect(withSyntax.startsWith("# syntax=docker/dockerfile:1\nARG ")).toBe(true);
    expect(rewriteForBuildSecret(withSyntax, { ...opts, ensureSyntax: true })).toBe(withSyntax);
    const own = `# syntax=docker/dockerfile:1.4\n${v31}`;
    expect(
      rewriteForBuildSecret(own, { ...opts, ensureSyntax: true }).startsWith(
        "# syntax=docker/dockerfile:1.4\nARG",
      ),
    ).toBe(true);
  });

  it("wraps a user's own ansible-galaxy steps too, after their flags, leaving continuation lines alone", () => {
    const at = galaxyStageLine(v31) + 1;
    const text = insertLines(v31, at, [
      "RUN --mount=type=cache,target=/root/.cache ansible-galaxy collection install -r extra.yml \\",
      "    --collections-path /usr/share/ansible/collections",
    ]);
    const out = rewriteForBuildSecret(text, opts).split("\n");
    expect(out[at]).toBe(
      "RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=galaxy,required=true set -a && . /run/secrets/galaxy && set +a && ansible-galaxy collection install -r extra.yml \\",
    );
    expect(out[at + 1]).toBe("    --collections-path /usr/share/ansible/collections");
    const analysis = analyzeContainerfile(text);
    expect(analysis.ok && analysis.installSteps.map((s) => [s.kind, s.lastLine - s.firstLine])).toEqual([
      ["other", 1],
      ["role", 0],
      ["collection", 0],
    ]);
  });

  it("refuses an exec-form or split ansible-galaxy step rather than guess", () => {
    const at = galaxyStageLine(v31) + 1;
    const exec = insertLines(v31, at, ['RUN ["ansible-galaxy", "collection", "install", "-r", "x.yml"]']);
    expect(() => rewriteForBuildSecret(exec, opts)).toThrow(
      expect.objectContaining({ problem: "EXEC_FORM_RUN", line: at + 1 }),
    );
    const split = insertLines(v31, at, ["RUN \\", "  ansible-galaxy collection install -r x.yml"]);
    expect(() => rewriteForBuildSecret(split, opts)).toThrow(
      expect.objectContaining({ problem: "COMMAND_NOT_ON_RUN_LINE" }),
    );
  });

  it("refuses a bad secret id or server id, naming it", () => {
    expect(() => rewriteForBuildSecret(v31, { secretId: "a b" })).toThrow(EeContextError);
    expect(() => rewriteForBuildSecret(v31, { secretId: "x;rm" })).toThrow(/cannot be a build secret id/);
    expect(() => rewriteForBuildSecret(v31, { secretId: "ok", serverIds: ["my-hub"] })).toThrow(
      expect.objectContaining({ code: "INVALID_SERVER_ID" }),
    );
  });

  // Properties over the real shapes with arbitrary extra lines that are not galaxy steps.
  const otherLine = fc.oneof(
    fc.constant(""),
    fc.constant("# a comment with RUN ansible-galaxy collection install in it"),
    fc.constantFrom(
      "ENV FOO=bar",
      "ARG X",
      "COPY a b",
      "RUN echo hi",
      "RUN dnf install -y git && dnf clean all",
    ),
    fc.stringMatching(/^LABEL [a-z]{1,8}=[a-z0-9]{0,8}$/),
  );
  const variant = fc
    .record({
      base: fc.constantFrom(v30, v31),
      at: fc.nat(),
      extra: fc.array(otherLine, { maxLength: 5 }),
      crlf: fc.boolean(),
      id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/),
    })
    .map(({ base, at, extra, crlf, id }) => {
      const lines = base.split("\n").length;
      const text = insertLines(base, at % lines, extra);
      return { text: crlf ? text.replaceAll("\n", "\r\n") : text, id };
    });

  it("property: rewriting twice is rewriting once", () => {
    fc.assert(
      fc.property(variant, ({ text, id }) => {
        const once = rewriteForBuildSecret(text, { secretId: id });
        expect(rewriteForBuildSecret(once, { secretId: id })).toBe(once);
      }),
    );
  });

  it("property: only the install steps' first lines change, and they unwrap to the original", () => {
    fc.assert(
      fc.property(variant, ({ text, id }) => {
        const analysis = analyzeContainerfile(text);
        if (!analysis.ok) throw analysis.error;
        const firsts = new Set(analysis.installSteps.map((s) => s.firstLine - 1));
        const before = text.split("\n");
        const after = rewriteForBuildSecret(text, { secretId: id }).split("\n");
        expect(after).toHaveLength(before.length);
        after.forEach((line, i) => {
          if (firsts.has(i)) {
            expect(line).not.toBe(before[i]);
            expect(unwrapRunLine(line)).toBe(before[i]);
          } else {
            expect(line).toBe(before[i]);
          }
        });
      }),
    );
  });
});
