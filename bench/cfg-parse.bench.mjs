// Parse + serialize the whole ansible-cfg corpus with our lossless parser, against `ini.parse` (which
// drops comments and speaks another dialect) on the same files, interleaved in the same process.
import { Buffer } from "node:buffer";
import { readdirSync, readFileSync } from "node:fs";
import ini from "ini";
import { parseAnsibleConfig } from "../packages/core/dist/index.js";
import { compareFunctions } from "./lib.mjs";

const corpus = new URL("../../shared/corpus/ansible-cfg/files/", import.meta.url);
const texts = readdirSync(corpus)
  .filter((f) => f.endsWith(".cfg"))
  .sort()
  .map((f) => readFileSync(new URL(f, corpus), "utf8"));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// Sanity: what is being timed really is lossless (every accepted file prints back byte for byte).
let accepted = 0;
for (const text of texts) {
  const parsed = parseAnsibleConfig(text);
  if (!parsed.ok) continue;
  accepted++;
  if (parsed.config.toString() !== text) throw new Error("toString() is not lossless on a corpus file");
}
console.log(
  `corpus: ${texts.length} files, ${(bytes / 1024).toFixed(0)} KiB; ${accepted} accepted, all round-trip`,
);

const PASSES = 5; // each sample parses the corpus this many times
let sink = 0;
await compareFunctions({
  name: "parseAnsibleConfig+toString vs ini.parse (corpus)",
  baseline: () => {
    for (let p = 0; p < PASSES; p++) for (const text of texts) sink += Object.keys(ini.parse(text)).length;
  },
  subject: () => {
    for (let p = 0; p < PASSES; p++) {
      for (const text of texts) {
        const parsed = parseAnsibleConfig(text);
        sink += parsed.ok ? parsed.config.toString().length : parsed.error.line;
      }
    }
  },
  runs: 30,
  aim: 1,
});
if (sink === 0) throw new Error("nothing was parsed");
