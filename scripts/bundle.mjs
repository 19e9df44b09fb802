// Bundles a CLI into one ESM file so that it starts fast: no module resolution at start-up, no
// node_modules walk. Shared by apps/*/build.mjs.
import { chmodSync } from "node:fs";
import { build } from "esbuild";

export async function bundleCli({ entry, outfile }) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20.18",
    minify: true,
    keepNames: true,
    sourcemap: "linked",
    legalComments: "linked",
    // Some bundled dependencies are CommonJS and call require() for Node built-ins.
    banner: {
      js: [
        "#!/usr/bin/env node",
        "import { createRequire as __hubSetupCreateRequire } from 'node:module';",
        "const require = __hubSetupCreateRequire(import.meta.url);",
      ].join("\n"),
    },
    // The OS keyring binding is native and optional: resolved at run time, never bundled.
    external: ["@napi-rs/keyring"],
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
}
