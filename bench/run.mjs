// Runs every bench/*.bench.mjs (or those named on the command line) one after the other.
import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

const wanted = process.argv.slice(2);
const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.mjs"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
for (const file of files) {
  console.log(`\n== ${file}`);
  await import(pathToFileURL(new URL(file, import.meta.url).pathname).href);
}
