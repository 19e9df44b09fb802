// Child process for the concurrent-writer test: opens the file store of the XDG_CONFIG_HOME it was given,
// prints "ready", waits for "go" on stdin (sent to every writer once all are ready), then stores `count`
// tokens `<prefix>_<n>`, one set() at a time, and prints "done <lock waits>".
//
// A lock wait is an attempt to create a `*.lock` file that failed with EEXIST because another process
// held it: counted by wrapping node:fs/promises `open` (behaviour unchanged), so the test can prove the
// writers really contended instead of running one after another.
import { createRequire, syncBuiltinESMExports } from "node:module";

const fsp = createRequire(import.meta.url)("node:fs/promises");
const realOpen = fsp.open;
let lockWaits = 0;
fsp.open = async (path, flags, ...rest) => {
  try {
    return await realOpen(path, flags, ...rest);
  } catch (e) {
    if (e?.code === "EEXIST" && flags === "wx" && String(path).endsWith(".lock")) lockWaits++;
    throw e;
  }
};
syncBuiltinESMExports(); // the ES-module view of node:fs/promises (what the store imports) follows

const { openSecretStore } = await import("../../dist/node/index.js");

const [prefix, count] = process.argv.slice(2);
const store = await openSecretStore({ env: process.env, backend: "file" });

const go = await new Promise((resolve) => {
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (d) => {
    input += d;
    if (input.includes("go\n")) resolve(true);
  });
  process.stdin.on("end", () => resolve(false));
  process.stdout.write("ready\n");
});
process.stdin.destroy();
if (!go) {
  process.stderr.write("stdin closed before go\n");
  process.exit(3);
}
for (let i = 0; i < Number(count); i++) {
  await store.set(`${prefix}_${i}`, `${prefix}-token-${i}-${"x".repeat(40)}`);
}
process.stdout.write(`done ${lockWaits}\n`);
