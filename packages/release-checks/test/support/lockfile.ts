// A lockfile for a folder that installs packed library tarballs, their dependencies taken from the
// repository's own package-lock.json (same versions, same integrity): `npm ci --offline` then fetches
// every one of them from npm's cache by its integrity, with no registry.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { repoRoot } from "@hub-setup/test-utils";
import { readPackageJson, type Packed } from "./npm.js";

type LockEntry = {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  optional?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
};

/** Writes package.json and package-lock.json into `dir` for `packed` (tarballs already in `dir`). */
export function writeLockedProject(dir: string, packed: readonly Packed[]): void {
  const rootLock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const dependencies = Object.fromEntries(packed.map((p) => [p.name, `file:${basename(p.tarball)}`]));
  const packages: Record<string, LockEntry> = { "": { dependencies } };
  const wanted: string[] = [];
  for (const p of packed) {
    const pkg = readPackageJson(p.dir);
    packages[`node_modules/${p.name}`] = {
      version: p.version,
      resolved: `file:${basename(p.tarball)}`,
      dependencies: pkg.dependencies,
      optionalDependencies: pkg.optionalDependencies,
    };
    wanted.push(...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {}));
  }
  while (wanted.length > 0) {
    const name = wanted.shift() as string;
    const key = `node_modules/${name}`;
    if (packages[key] !== undefined) continue;
    const entry = rootLock.packages[key];
    if (entry === undefined) throw new Error(`${name} is not in the repository's package-lock.json`);
    const { dev: _dev, devOptional: _devOptional, ...kept } = entry;
    packages[key] = kept;
    wanted.push(...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}));
  }
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "uses-the-library", private: true, type: "module", dependencies }, null, 2),
  );
  writeFileSync(
    join(dir, "package-lock.json"),
    JSON.stringify({ name: "uses-the-library", lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}
