// Two bundles: the checker (the pre-commit hot path: no undici, no inquirer) and --fix (the secret
// store and file writing from @hub-setup/core/node, ~600 kB with undici), which the checker loads only
// when --fix runs. The checker is also copied to hook/dist/, which is committed: the pre-commit
// framework runs it straight from a clone of this repository (`language: script`, see
// /.pre-commit-hooks.yaml), where nothing is built. Commit hook/dist/ with every change that alters
// the checker bundle. (--fix is for people at a terminal: `npx hub-token-check --fix`.)
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { bundleCli } from "../../scripts/bundle.mjs";

const bundles = [
  { entry: "src/bin.ts", name: "hub-token-check.mjs" },
  { entry: "src/fix/fix-entry.ts", name: "hub-token-check-fix.mjs" },
];

// The checker: the shared CLI settings (scripts/bundle.mjs) but without its createRequire banner, which
// initialises the CommonJS loader at every start (~1-2 ms on the commit path). Nothing in the checker
// calls require(); the check below keeps it that way.
await build({
  entryPoints: [bundles[0].entry],
  outfile: `dist/${bundles[0].name}`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.18",
  minify: true,
  keepNames: true,
  sourcemap: "linked",
  legalComments: "linked",
  banner: { js: "#!/usr/bin/env node" },
  external: ["@napi-rs/keyring"],
  logLevel: "warning",
});
chmodSync(`dist/${bundles[0].name}`, 0o755);
if (/\brequire\(/.test(readFileSync(`dist/${bundles[0].name}`, "utf8"))) {
  throw new Error(
    "the checker bundle calls require(): bundle it with bundleCli (createRequire banner) instead",
  );
}
await bundleCli({ entry: bundles[1].entry, outfile: `dist/${bundles[1].name}` });

mkdirSync("hook/dist", { recursive: true });
for (const { name } of bundles.slice(0, 1)) {
  // The source map is not committed, so drop the comment that points at it.
  const code = readFileSync(`dist/${name}`, "utf8").replace(/\n\/\/# sourceMappingURL=.*\n?$/, "\n");
  writeFileSync(`hook/dist/${name}`, code);
  chmodSync(`hook/dist/${name}`, 0o755);
}
