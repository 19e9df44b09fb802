// What a new user pays the first time: `npx --package <tarball> hub-setup --help` with an empty npm
// cache (npx unpacks and installs the package, then runs it), against `node -e 0` in the same run. The
// tarball is the one `npm pack` makes of apps/hub-setup; --offline, so no registry is asked (the optional
// keyring binding is then skipped, as on a machine without it). A second line: the same with npx's cache
// already warm (every later run).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { cleanEnv, median, report } from "./lib.mjs";

const node = process.execPath;
const scratch = mkdtempSync(join(tmpdir(), "hub-setup-npx-bench-"));

function timed(cmd, args, env) {
  const start = performance.now();
  const run = spawnSync(cmd, args, { cwd: scratch, stdio: ["ignore", "ignore", "pipe"], env });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

try {
  const packed = spawnSync("npm", ["pack", "--json", "--pack-destination", scratch], {
    cwd: "apps/hub-setup",
    encoding: "utf8",
  });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tarball = join(scratch, JSON.parse(packed.stdout)[0].filename);
  console.log(`hub-setup tarball: ${(statSync(tarball).size / 1000).toFixed(0)} kB`);
  const npx = (cache) => [
    "npx",
    ["--yes", "--offline", "--package", tarball, "hub-setup", "--help"],
    { ...cleanEnv, npm_config_cache: cache, npm_config_update_notifier: "false" },
  ];

  const runs = 10;
  const base = [];
  const cold = [];
  timed(node, ["-e", "0"], cleanEnv);
  for (let i = 0; i < runs; i++) {
    base.push(timed(node, ["-e", "0"], cleanEnv));
    const cache = join(scratch, `cache-${i}`);
    cold.push(timed(...npx(cache)));
    rmSync(cache, { recursive: true, force: true });
  }
  report({
    name: "npx --package <tarball> hub-setup --help, cold npm cache, vs node -e 0",
    baselineMs: median(base),
    subjectMs: median(cold),
    runs,
  });

  const warmCache = join(scratch, "cache-warm");
  timed(...npx(warmCache));
  const base2 = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    base2.push(timed(node, ["-e", "0"], cleanEnv));
    warm.push(timed(...npx(warmCache)));
  }
  report({
    name: "the same, npx cache warm (informative: npm's own start-up)",
    baselineMs: median(base2),
    subjectMs: median(warm),
    runs,
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
