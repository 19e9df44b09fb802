// Two outputs: the CLI (a small entry plus lazily loaded chunks, see scripts/bundle.mjs) and the GitHub
// Action, one CommonJS file with every dependency inlined. The action's file is committed
// (action/dist/index.cjs; `git add -f`, dist/ is ignored): GitHub runs it straight from a checkout of
// this repository (action.yml at the root), where nothing is built. test/action-bundle.test.ts fails
// when the committed file differs from what the sources build.
import { readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { bundleCli } from "../../scripts/bundle.mjs";

const cli = await bundleCli({ entry: "src/bin.ts", outfile: "dist/hub-setup.mjs", lazyChunks: true });

/**
 * dist/help-path.inputs.json: the files Node loads for `--help` before any command's code (the
 * entry and every chunk it imports statically, transitively) and the sources in them. Every shared
 * module esbuild splits off is one more file to resolve, read and link at each start;
 * test/help-path.test.ts keeps the list short and free of the detector, undici and inquirer.
 */
function writeHelpPath(entry, metafile) {
  const files = [];
  const visit = (file) => {
    if (files.includes(file)) return;
    files.push(file);
    for (const imported of metafile.outputs[file].imports)
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entry);
  const sources = files.flatMap((file) => Object.keys(metafile.outputs[file].inputs));
  writeFileSync("dist/help-path.inputs.json", `${JSON.stringify({ files, sources }, null, 1)}\n`);
}
writeHelpPath("dist/hub-setup.mjs", cli.metafile);

// The action never opens a secret store, but core/node's index reaches the OS keyring binding (native,
// optional) through a lazy import(): it becomes a module that says so, rather than a require() of a
// package a checkout does not have.
const noKeyring = {
  name: "no-keyring",
  setup(b) {
    b.onResolve({ filter: /^@napi-rs\/keyring$/ }, () => ({ path: "keyring", namespace: "no-keyring" }));
    b.onLoad({ filter: /.*/, namespace: "no-keyring" }, () => ({
      contents: 'throw new Error("the GitHub Action has no OS keyring");',
      loader: "js",
    }));
  },
};

// A command's spec.ts is data (flags and usage text), but its usage text calls usageCall() at the top
// level, which esbuild must assume has side effects. Said here, so that the action, which takes ci's
// spec from commands/specs.ts, keeps only that one and drops the other commands' specs and usage text.
const specsAreData = {
  name: "specs-are-data",
  setup(b) {
    b.onResolve({ filter: /^\.\/[^/]+\/spec\.js$/ }, ({ path, resolveDir }) => ({
      path: join(resolveDir, path.replace(/\.js$/, ".ts")),
      sideEffects: false,
    }));
  },
};

const action = "action/dist/index.cjs";
await build({
  entryPoints: ["src/action/bin.ts"],
  outfile: action,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20", // action.yml: `using: node20`
  minify: true,
  keepNames: true,
  // Only this one file is committed and run: no source map, licences kept inline.
  legalComments: "inline",
  plugins: [noKeyring, specsAreData],
  logLevel: "warning",
});
// GitHub runs the file from a bare checkout: it may require() nothing but Node's built-ins.
{
  const code = readFileSync(action, "utf8");
  const required = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
  const builtin = new Set(builtinModules);
  const notBuiltin = required.filter((name) => !name.startsWith("node:") && !builtin.has(name));
  if (notBuiltin.length > 0)
    throw new Error(`the action bundle requires ${notBuiltin.join(", ")} at run time`);
}
