import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJsonFile, writeJsonFile, type JsonFileKind } from "./json-file.js";

type Thing = { version: 1; name: string };
const THING: JsonFileKind<Thing> = {
  what: "thing state",
  valid: (value): value is Thing => (value as Partial<Thing> | null)?.version === 1,
  freshHint: "Delete it.",
};

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-json-file-"));
  dirs.push(dir);
  return join(dir, "state.json");
}

describe("the sandbox's JSON state files", () => {
  it("reads back what it wrote, from a 0600 file", () => {
    const file = tempFile();
    writeJsonFile(file, { version: 1, name: "a" });
    expect(readJsonFile(file, THING)).toEqual({ version: 1, name: "a" });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("answers undefined for a file that does not exist yet", () => {
    expect(readJsonFile(tempFile(), THING)).toBeUndefined();
  });

  it.each([
    ["broken JSON", "{ version: 1"],
    ["another kind of file", '{ "version": 2 }'],
    ["null", "null"],
  ])("refuses %s as a store problem that says what to do", (_, text) => {
    const file = tempFile();
    writeFileSync(file, text);
    expect(() => readJsonFile(file, THING)).toThrow(
      expect.objectContaining({
        code: "STORE_UNAVAILABLE",
        message: `The sandbox state file ${file} is not valid thing state.`,
        hint: "Delete it.",
      }),
    );
  });

  it("reports a folder where the file should be as unreadable, naming --state-dir", () => {
    const folder = join(tempFile(), "..");
    let thrown: unknown;
    try {
      readJsonFile(folder, THING);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: "STORE_UNAVAILABLE",
      message: `The sandbox cannot read its state file ${folder}.`,
    });
    expect((thrown as { hint?: string }).hint).toContain("--state-dir");
  });
});
