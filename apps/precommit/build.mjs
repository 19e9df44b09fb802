// Two bundles: the checker (the pre-commit hot path: no undici, no inquirer) and --fix (the secret
// store and file writing from @hub-setup/core/node, ~600 kB with undici), which the checker loads only
// when --fix runs. The checker is also copied to hook/dist/, which is committed: the pre-commit
// framework runs it straight from a clone of this repository (`language: script`, see
// /.pre-commit-hooks.yaml), where nothing is built. Commit hook/dist/ with every change that alters
// the checker bundle. (--fix is for people at a terminal: `npx hub-token-check --fix`.)
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { bundleCli } from "../../scripts/bundle.mjs";

const bundles = [
  { entry: "src/bin.ts", name: "hub-token-check.mjs" },
  { entry: "src/fix/fix-entry.ts", name: "hub-token-check-fix.mjs" },
];
for (const { entry, name } of bundles) await bundleCli({ entry, outfile: `dist/${name}` });

mkdirSync("hook/dist", { recursive: true });
for (const { name } of bundles.slice(0, 1)) {
  // The source map is not committed, so drop the comment that points at it.
  const code = readFileSync(`dist/${name}`, "utf8").replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
  writeFileSync(`hook/dist/${name}`, code);
  chmodSync(`hook/dist/${name}`, 0o755);
}
