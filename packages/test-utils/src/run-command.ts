import { spawn } from "node:child_process";

export type CommandResult = { code: number | null; stdout: string; stderr: string; ms: number };

/**
 * Runs a command without a shell and collects its output. `env` replaces the child's environment
 * (pass `{ ...process.env, … }` to extend it), so settings such as CONTAINERS_STORAGE_CONF reach only
 * that child, never this process. stdin is /dev/null: tools that read a mirror list from a piped
 * stdin (mmdebstrap) must not see ours.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env,
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** runCommand, failing with the command line and the end of its stderr when it does not exit 0. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    const tail = (result.stderr || result.stdout).trim().split("\n").slice(-15).join("\n");
    throw new Error(`${command} ${args.join(" ")} exited ${String(result.code)}:\n${tail}`);
  }
  return result;
}
