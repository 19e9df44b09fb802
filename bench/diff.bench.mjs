// The wizard's diff preview on large ansible.cfg files (issue #16 item 9: the old O(n·m) table took 4.3 s
// and 497 MB at 10k lines, 11.6 s and 1.67 GB at 20k). The wizard's own edit (server_list changed, a
// server section appended) on 10k and 20k lines, against the floor of any line diff: splitting both
// files into lines and comparing them once, in the same process, interleaved.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { compareFunctions } from "./lib.mjs";

// diff.ts lives inside the bundled CLI: bundle each module needed (and the core it uses) for this process.
const dir = mkdtempSync(join(tmpdir(), "hub-setup-diff-bench-"));
async function load(name) {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [new URL(`../apps/hub-setup/src/commands/setup/${name}.ts`, import.meta.url).pathname],
    bundle: true,
    format: "esm",
    platform: "node",
    outfile,
    logLevel: "error",
  });
  return import(pathToFileURL(outfile).href);
}
const { renderDiff } = await load("diff");
const { diffRuns, splitLines } = await load("line-diff");
rmSync(dir, { recursive: true, force: true });

const plain = {
  bold: (s) => s,
  cyan: (s) => s,
  green: (s) => s,
  red: (s) => s,
  dim: (s) => s,
  yellow: (s) => s,
};

function wizardEdit(lines) {
  const body = Array.from({ length: lines }, (_, i) => `option_${i} = value ${i}`);
  const before = ["[galaxy]", "server_list = a", "", "[defaults]", ...body, ""].join("\n");
  const after = `${before.replace("server_list = a\n", "server_list = a, b\n")}\n[galaxy_server.b]\nurl = https://hub.example.test/\n`;
  return { before, after };
}

/** The floor: both files split into lines and compared line by line once. */
function floor({ before, after }) {
  const a = before.split("\n");
  const b = after.split("\n");
  let same = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) same++;
  return same;
}

let sink = 0;
for (const lines of [10_000, 20_000]) {
  const files = wizardEdit(lines);
  await compareFunctions({
    name: `diffRuns, wizard edit, ${lines / 1000}k lines vs split+compare`,
    baseline: () => (sink += floor(files)),
    subject: () => (sink += diffRuns(splitLines(files.before), splitLines(files.after)).length),
    runs: 20,
    aim: 10,
  });
  await compareFunctions({
    name: `renderDiff (diff + redaction), ${lines / 1000}k lines vs split+compare (informative)`,
    baseline: () => (sink += floor(files)),
    subject: () =>
      (sink += renderDiff("/p/ansible.cfg", files.before, files.after, { style: plain, secrets: [] }).length),
    runs: 20,
  });
}
if (sink === 0) throw new Error("nothing was diffed");
