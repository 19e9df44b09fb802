// Real write failures on the real file system: a child node under `ulimit -f` gets EFBIG from any write
// past the limit (Node ignores SIGXFSZ), as it would get ENOSPC on a full disk. The child runs the BUILT
// modules of dist/ (npm test builds before testing), like the crash test's writer.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist");

/** The file: URL of a built module, e.g. builtModule("node/store/private-files.js"). */
export function builtModule(path: string): string {
  const file = join(dist, path);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build core first (npx turbo run build --filter=@hub-setup/core)`);
  }
  return pathToFileURL(file).href;
}

/**
 * Runs `script` (an ES module; its arguments are process.argv[1…]) in a child node that may write files
 * of at most `blocks` × 512 bytes, and returns what it printed. Fails if it does not end within 4 s.
 */
export function runWithFileSizeLimit(blocks: number, script: string, args: string[]): string {
  const child = spawnSync(
    "sh",
    [
      "-c",
      `ulimit -f ${blocks} && exec "$0" --input-type=module -e "$HUB_SETUP_TEST_SCRIPT" "$@"`,
      process.execPath,
      ...args,
    ],
    { encoding: "utf8", timeout: 4_000, env: { ...process.env, HUB_SETUP_TEST_SCRIPT: script } },
  );
  if (child.status !== 0) {
    throw new Error(`the child failed (${child.signal ?? child.status}):\n${child.stdout}\n${child.stderr}`);
  }
  return child.stdout.trim();
}
