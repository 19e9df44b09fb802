// Bundles a CLI so that it starts fast: every dependency inlined (no module resolution in node_modules
// at start-up). Shared by apps/*/build.mjs.
//
// With `lazyChunks`, the entry file stays small and code reached only through dynamic import()
// (the wizard's subcommands, undici, inquirer, the sandbox) goes into chunks/ beside it, loaded when a
// command runs: `--help` then compiles about 30 kB instead of 1.3 MB (see bench/startup.bench.mjs).
// Code that the entry and a lazy chunk both import goes into a shared chunk, one per set of importers,
// and each is one more file the entry loads at every start: keep that set small (apps/hub-setup's
// README says how hub-setup does).
import { chmodSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { build } from "esbuild";

const banner = [
  "import { createRequire as __hubSetupCreateRequire } from 'node:module';",
  "const require = __hubSetupCreateRequire(import.meta.url);",
].join("\n");

/**
 * A bundle reads its own package.json only for `--version`: inline just the name and version, so that a
 * change elsewhere in package.json (dependencies, keywords) does not change the bundle, and the bundle
 * carries no list of our dev dependencies. (The committed hook bundle changes only when its code or
 * version does.)
 */
export const packageVersionOnly = {
  name: "package-version-only",
  setup(build) {
    build.onLoad({ filter: /[\\/]package\.json$/ }, async ({ path }) => {
      const { name, version } = JSON.parse(await readFile(path, "utf8"));
      return { contents: JSON.stringify({ name, version }), loader: "json" };
    });
  },
};

export async function bundleCli({ entry, outfile, lazyChunks = false }) {
  const common = {
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.18",
    minify: true,
    keepNames: true,
    // No source maps: they were two thirds of the published tarball. The bundles keep their names
    // (keepNames) and are minified only in whitespace and identifiers, so a stack trace still reads.
    sourcemap: false,
    legalComments: "linked",
    // Some bundled dependencies are CommonJS and call require() for Node built-ins.
    banner: { js: banner },
    // The OS keyring binding is native and optional: resolved at run time, never bundled.
    external: ["@napi-rs/keyring"],
    logLevel: "warning",
    metafile: true,
    plugins: [packageVersionOnly],
  };
  let result;
  if (lazyChunks) {
    const outdir = dirname(outfile);
    rmSync(join(outdir, "chunks"), { recursive: true, force: true });
    result = await build({
      ...common,
      outdir,
      splitting: true,
      entryNames: basename(outfile, ".mjs"),
      chunkNames: "chunks/[name]-[hash]",
      outExtension: { ".js": ".mjs" },
    });
  } else {
    result = await build({ ...common, outfile });
  }
  chmodSync(outfile, 0o755);
  return result;
}
