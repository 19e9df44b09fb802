import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempDir } from "../src/index.js";

const script = join(repoRoot, "scripts", "check-cycles.mjs");

function tree(files: Record<string, string>): string {
  const root = tempDir("hub-setup-cycles-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string) {
  const run = spawnSync(process.execPath, [script, root], { encoding: "utf8" });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe("scripts/check-cycles.mjs", () => {
  it("passes a tree whose imports form no cycle", () => {
    const root = tree({
      "packages/a/src/index.ts": 'export { b } from "./b.js";\n',
      "packages/a/src/b.ts": 'import { c } from "./c/index.js";\nexport const b = c;\n',
      "packages/a/src/c/index.ts": "export const c = 1;\n",
    });
    const result = check(root);
    expect(result.status).toBe(0);
    expect(result.out).toContain("no import cycles in 3 modules");
  });

  it.each([
    ["a static import", 'import { b } from "./b.js";', 'import { a } from "./a.js";'],
    ["a type-only import", 'import type { B } from "./b.js";', 'import type { A } from "./a.js";'],
    ["a re-export", 'export * from "./b.js";', 'export { a } from "./a.js";'],
    ["a dynamic import", 'const b = () => import("./b.js");', 'import { a } from "./a.js";'],
  ])("fails on a cycle made of %s, naming both modules", (_, a, b) => {
    const root = tree({
      "apps/x/src/a.ts": `${a}\nexport const a = 1;\nexport type A = 1;\n`,
      "apps/x/src/b.ts": `${b}\nexport const b = 1;\nexport type B = 1;\n`,
    });
    const result = check(root);
    expect(result.status).toBe(1);
    expect(result.out).toContain("import cycle: apps/x/src/a.ts <-> apps/x/src/b.ts");
  });

  it("finds a cycle that runs through a folder's index across three modules", () => {
    const root = tree({
      "apps/x/src/commands/index.ts": 'export const all = [() => import("./setup/index.js")];\n',
      "apps/x/src/commands/setup/index.ts":
        'import { offer } from "../../offer.js";\nexport const s = offer;\n',
      "apps/x/src/offer.ts": 'import { all } from "./commands/index.js";\nexport const offer = all;\n',
    });
    const result = check(root);
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/1 import cycle\(s\)/);
  });
});
