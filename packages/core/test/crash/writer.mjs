// Child process of atomic-write-crash.test.ts: writes versions start, start+1, … of a config file with
// OUR writeFileAtomic (the built @hub-setup/core/node) until it is killed.
import { createHash } from "node:crypto";
import { writeFileAtomic } from "../../dist/node/files/index.js";

const [path, start] = process.argv.slice(2);

/** A self-checking version: "# version N", a body, and "# sha256 <hash of everything above>". */
export function version(n) {
  const body = `# version ${n}\n[defaults]\nforks = ${n}\n${`# ${"x".repeat(76)}\n`.repeat(4000)}`;
  return `${body}# sha256 ${createHash("sha256").update(body).digest("hex")}\n`;
}

if (path !== undefined) {
  process.stdout.write("ready\n");
  for (let n = Number(start); ; n++) await writeFileAtomic(path, version(n), { lockWaitMs: 30_000 });
}
