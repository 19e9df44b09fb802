import { bundleCli } from "../../scripts/bundle.mjs";

await bundleCli({ entry: "src/bin.ts", outfile: "dist/hub-setup.mjs", lazyChunks: true });
