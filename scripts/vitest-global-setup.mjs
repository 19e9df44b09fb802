// Several tests run what `npm run build` makes (the bundled CLIs, core's dist for child processes).
// Build first, so that `npx vitest run …` never tests stale output: turbo's cache makes this ~1 s when
// nothing changed (and `npm test` has just built anyway).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function buildBeforeTests() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const turbo = fileURLToPath(new URL("../node_modules/turbo/bin/turbo", import.meta.url));
  const run = spawnSync(process.execPath, [turbo, "run", "build", "--output-logs=errors-only"], {
    cwd: root,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (run.status !== 0) {
    throw new Error(`the build failed, so the tests would run stale output:\n${run.stdout}\n${run.stderr}`);
  }
}
