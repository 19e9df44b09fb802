// Fixture folders under test/fixtures/cfg, named by outcome: ok.<case>, ng.<case>, edit.<case>.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "cfg");

export function fixtureCases(prefix: "ok." | "ng." | "edit."): { name: string; dir: string }[] {
  return readdirSync(fixturesRoot)
    .filter((name) => name.startsWith(prefix))
    .sort()
    .map((name) => ({ name, dir: join(fixturesRoot, name) }));
}
