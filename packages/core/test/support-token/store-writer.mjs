// Child process for the concurrent-writer test: waits for a shared start time, then stores `count`
// tokens `<prefix>_<n>` in the file store of the XDG_CONFIG_HOME it was given, one set() at a time.
import { setTimeout as sleep } from "node:timers/promises";
import { openSecretStore } from "../../dist/node/index.js";

const [prefix, count, startAt] = process.argv.slice(2);
const store = await openSecretStore({ env: process.env, backend: "file" });
while (Date.now() < Number(startAt)) await sleep(1);
for (let i = 0; i < Number(count); i++) {
  await store.set(`${prefix}_${i}`, `${prefix}-token-${i}-${"x".repeat(40)}`);
}
process.stdout.write("done\n");
