import { spawnSync } from "node:child_process";

export type ToolCheck = { available: true; path: string } | { available: false; reason: string };

/**
 * Whether an external tool our tests use (ansible-galaxy, git, tmux, pre-commit) is on PATH.
 * Locally a missing tool skips the test with a printed reason; under CI=true it is a failure,
 * because .ci/run installs every tool and a skip there would hide a broken install step.
 */
export function requireTool(
  command: string,
  installHint = "apt-get install ansible-core git tmux pre-commit",
): ToolCheck {
  const found = spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" });
  const path = found.stdout.trim();
  if (found.status === 0 && path.length > 0) return { available: true, path };
  const reason = `${command} is not installed (${installHint})`;
  if (process.env["CI"] === "true") {
    throw new Error(`CI=true and ${reason}: .ci/run must install it`);
  }
  console.warn(`[skip] ${reason}`);
  return { available: false, reason };
}
