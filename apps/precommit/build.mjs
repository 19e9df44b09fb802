import { bundleCli } from "../../scripts/bundle.mjs";

await bundleCli({ entry: "src/bin.ts", outfile: "dist/hub-token-check.mjs" });
