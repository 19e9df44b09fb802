import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fixtureFolders } from "./fixture-folders.js";
import { tempDir } from "./temp-dir.js";

function tree(): string {
  const root = tempDir();
  for (const name of ["ok.b", "ok.a", "ng.x", "edit.y", "notes"]) mkdirSync(join(root, name));
  writeFileSync(join(root, "ok.a", "expected.txt"), "hello\n");
  writeFileSync(join(root, "ok.b", "expected.bin"), Buffer.from([0x61, 0xff]));
  return root;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("fixtureFolders", () => {
  it("lists the folders of one kind, sorted, and nothing else", () => {
    const root = tree();
    expect(fixtureFolders(root, "ok").map((c) => c.name)).toEqual(["ok.a", "ok.b"]);
    expect(fixtureFolders(root, "ng").map((c) => c.kind)).toEqual(["ng"]);
    expect(fixtureFolders(root, "edit").map((c) => c.name)).toEqual(["edit.y"]);
  });

  it("expectFile passes on equal bytes and fails on different text, different bytes and a missing file", () => {
    const [a, b] = fixtureFolders(tree(), "ok");
    expect(() => a?.expectFile("expected.txt", "hello\n")).not.toThrow();
    expect(() => a?.expectFile("expected.txt", "hullo\n")).toThrow();
    expect(() => b?.expectFile("expected.bin", Uint8Array.of(0x61, 0xff))).not.toThrow();
    // 0xfe and 0xff both read as U+FFFD: equal as text, so the byte comparison must catch it.
    expect(() => b?.expectFile("expected.bin", Uint8Array.of(0x61, 0xfe))).toThrow(/bytes differ/);
    expect(() => a?.expectFile("missing.txt", "x")).toThrow(/missing: write it with UPDATE_FIXTURES=1/);
  });

  it("UPDATE_FIXTURES=1 writes the expected file instead of comparing", () => {
    const root = tree();
    vi.stubEnv("UPDATE_FIXTURES", "1");
    const [a] = fixtureFolders(root, "ok");
    a?.expectFile("expected.txt", "rewritten\n");
    a?.expectFile("new.txt", "created\n");
    expect(readFileSync(join(root, "ok.a", "expected.txt"), "utf8")).toBe("rewritten\n");
    expect(readFileSync(join(root, "ok.a", "new.txt"), "utf8")).toBe("created\n");
  });
});
