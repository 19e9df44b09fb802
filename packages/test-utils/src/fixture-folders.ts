/**
 * Fixture folders named by outcome, one scheme for every package: `ok.<case>` (accepted), `ng.<case>`
 * (refused), `edit.<case>` (an edit and its result). Each folder holds its input and its expected
 * files. `UPDATE_FIXTURES=1` rewrites expected files from what the code produces (review the diff!);
 * without it, a missing expected file is a failure and is never written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

export type FixtureKind = "ok" | "ng" | "edit";

export type FixtureCase = {
  /** The folder name, e.g. `ok.crlf`. */
  name: string;
  kind: FixtureKind;
  dir: string;
  bytes(file: string): Buffer;
  text(file: string): string;
  json<T = unknown>(file: string): T;
  /** Compares `actual` with the expected file byte for byte (or writes it under UPDATE_FIXTURES=1). */
  expectFile(file: string, actual: string | Uint8Array): void;
};

export function updatingFixtures(): boolean {
  return process.env["UPDATE_FIXTURES"] === "1";
}

function fixtureCase(root: string, name: string, kind: FixtureKind): FixtureCase {
  const dir = join(root, name);
  const path = (file: string): string => join(dir, file);
  return {
    name,
    kind,
    dir,
    bytes: (file) => readFileSync(path(file)),
    text: (file) => readFileSync(path(file), "utf8"),
    json: <T>(file: string) => JSON.parse(readFileSync(path(file), "utf8")) as T,
    expectFile(file, actual) {
      const got = typeof actual === "string" ? Buffer.from(actual, "utf8") : Buffer.from(actual);
      const at = path(file);
      if (updatingFixtures()) {
        writeFileSync(at, got);
        return;
      }
      if (!existsSync(at)) expect.fail(`${at} is missing: write it with UPDATE_FIXTURES=1, then review it`);
      const want = readFileSync(at);
      if (got.equals(want)) return;
      // Shown as text for a readable diff; bytes that are not UTF-8 can look equal as text, so then say so.
      expect(got.toString("utf8"), `${name}/${file}`).toBe(want.toString("utf8"));
      expect.fail(`${name}/${file}: the bytes differ where they are not UTF-8 text`);
    },
  };
}

/** The fixture folders of one kind under `root`, sorted by name. */
export function fixtureFolders(root: string, kind: FixtureKind): FixtureCase[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith(`${kind}.`))
    .map((e) => e.name)
    .sort()
    .map((name) => fixtureCase(root, name, kind));
}

/**
 * One `describe` for the `kind.*` folders under `root`, one `it` per folder running `check`, and a test
 * that there are at least `minCases` of them (so an emptied or mistyped folder cannot pass silently).
 */
export function describeFixtures(
  root: string,
  kind: FixtureKind,
  options: { title: string; minCases?: number; name?: (c: FixtureCase) => string },
  check: (c: FixtureCase) => void | Promise<void>,
): FixtureCase[] {
  const cases = fixtureFolders(root, kind);
  describe(`${kind}.* fixtures: ${options.title}`, () => {
    it(`has at least ${options.minCases ?? 1} case(s)`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(options.minCases ?? 1);
    });
    for (const c of cases) it(options.name === undefined ? c.name : options.name(c), () => check(c));
  });
  return cases;
}
