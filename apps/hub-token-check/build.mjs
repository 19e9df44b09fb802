// Two bundles: the checker (the pre-commit hot path: no undici, no inquirer) and --fix (the secret
// store and file writing from @hub-setup/core/node, ~600 kB with undici), which the checker loads only
// when --fix runs. The checker is also copied to hook/dist/, which is committed: the pre-commit
// framework runs it (through bin/hub-token-check.cjs) straight from a clone of this repository
// (`language: script`, see /.pre-commit-hooks.yaml), where nothing is built. Commit hook/dist/ with
// every change that alters the checker bundle. (--fix is for people at a terminal: `npx hub-token-check --fix`.)
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";
import { bundleCli, packageVersionOnly } from "../../scripts/bundle.mjs";
import { writeCodeCache } from "./build-code-cache.mjs";

/** `<bundle>.inputs.json`: the source files esbuild put in a bundle (test/bin.test.ts reads it). */
function writeInputs(bundle, metafile) {
  writeFileSync(`${bundle}.inputs.json`, `${JSON.stringify(Object.keys(metafile.inputs), null, 1)}\n`);
}

const checker = { entry: "src/bin.ts", name: "hub-token-check.cjs" };
const fix = { entry: "src/fix/fix-entry.ts", name: "hub-token-check-fix.mjs" };

// The checker is CommonJS: Node 20 starts a CommonJS file ~4 ms sooner than an ES module (no ES module
// loader; see bench/checker.bench.mjs). bin.ts has no top-level await for that reason. Its one
// `import.meta.url` (where the --fix bundle sits) becomes this file's own URL, computed only when --fix
// asks for it. The --fix bundle stays an ES module, loaded by import() only for --fix.
// The code cache of the previous bundle must never sit beside a new one (see bin/hub-token-check.cjs).
const cacheFile = `dist/${checker.name}.v8-cache`;
rmSync(cacheFile, { force: true });
const checkerBuild = await build({
  entryPoints: [checker.entry],
  outfile: `dist/${checker.name}`,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20.18",
  minify: true,
  keepNames: true,
  sourcemap: false,
  // Which sources went in, for the test that keeps the commit path lean (not published: see "files").
  metafile: true,
  plugins: [packageVersionOnly],
  legalComments: "linked",
  banner: {
    js: [
      "#!/usr/bin/env node",
      '"use strict";', // first, so that it is the directive (the sources are ES modules: strict)
      // A getter: pathToFileURL costs ~0.3 ms, worth paying only for --fix.
      'var __hubTokenCheck = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
    ].join("\n"),
  },
  define: { "import.meta.url": "__hubTokenCheck.url" },
  external: ["@napi-rs/keyring"],
  logLevel: "warning",
});
chmodSync(`dist/${checker.name}`, 0o755);
writeInputs(`dist/${checker.name}`, checkerBuild.metafile);
// Guards for the commit path: every dependency inlined (it may require() only Node's built-ins), and no
// import() but the one that loads --fix (any other would start the ES module loader).
{
  const code = readFileSync(`dist/${checker.name}`, "utf8");
  const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
  const notBuiltin = required.filter((name) => !name.startsWith("node:"));
  if (notBuiltin.length > 0)
    throw new Error(`the checker bundle requires ${notBuiltin.join(", ")} at run time`);
  const imports = code.match(/\bimport\(/g) ?? [];
  if (imports.length !== 1 || !code.includes("hub-token-check-fix.mjs")) {
    throw new Error(
      `the checker bundle has ${imports.length} import() calls; only the --fix one belongs there`,
    );
  }
}
// The code cache the installed command runs the bundle with (bin/hub-token-check.cjs, build-code-cache.mjs).
// Only dist/ gets one: hook/dist/ is committed (byte-for-byte the same on every machine) and a cache is
// made for one Node version; in the pre-commit framework's clone, bin/ keeps a cache of its own.
try {
  writeCodeCache(`${process.cwd()}/dist/${checker.name}`, `${process.cwd()}/${cacheFile}`);
} catch (error) {
  if (error?.code !== "ENOENT") throw error;
  console.warn(`hub-token-check: no code cache (git is not installed): the checker runs without one`);
}
writeInputs(
  `dist/${fix.name}`,
  (await bundleCli({ entry: fix.entry, outfile: `dist/${fix.name}` })).metafile,
);

mkdirSync("hook/dist", { recursive: true });
writeFileSync(`hook/dist/${checker.name}`, readFileSync(`dist/${checker.name}`, "utf8"));
chmodSync(`hook/dist/${checker.name}`, 0o755);
