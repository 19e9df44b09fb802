import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAnsibleConfig, upsertGalaxyServer } from "@hub-setup/core";

/**
 * Running the real ansible-galaxy against a sandbox. Always asynchronous: the sandbox answers from
 * this same process, so a synchronous spawn would deadlock. Every run has a deadline.
 */
export type GalaxyRun = { code: number; stdout: string; stderr: string; output: string };

export type GalaxyServer = { id: string; url: string; authUrl?: string };

/** A fresh HOME, cache dir and ansible.cfg location under `dir`, and nothing from the caller's env. */
export function galaxyEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  const home = join(dir, "home");
  mkdirSync(home, { recursive: true });
  return {
    PATH: process.env["PATH"] ?? "/usr/bin:/bin",
    HOME: home,
    LANG: "C.UTF-8",
    ANSIBLE_CONFIG: join(dir, "ansible.cfg"),
    ANSIBLE_GALAXY_CACHE_DIR: join(dir, "galaxy-cache"),
    ANSIBLE_NOCOLOR: "1",
    ANSIBLE_COLLECTIONS_PATH: join(dir, "collections"),
    ...extra,
  };
}

export function runGalaxy(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<GalaxyRun> {
  return new Promise((resolve) => {
    execFile(
      "ansible-galaxy",
      args,
      { env, timeout: timeoutMs, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error == null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/**
 * Writes ansible.cfg through core's lossless editor, as the wizard does: only server_list, url and
 * auth_url — never a token. Any warning the editor raises fails the test.
 */
export function writeAnsibleCfg(path: string, servers: readonly GalaxyServer[]): string {
  const parsed = parseAnsibleConfig(existsSync(path) ? readFileSync(path, "utf8") : "");
  if (!parsed.ok) throw new Error(`ansible.cfg at ${path} does not parse: ${parsed.error.message}`);
  for (const server of servers) {
    const input = server.authUrl === undefined ? { id: server.id, url: server.url } : { ...server };
    const result = upsertGalaxyServer(parsed.config, input);
    if (result.warnings.length > 0)
      throw new Error(`ansible.cfg editor warned: ${JSON.stringify(result.warnings)}`);
  }
  const text = parsed.config.toString();
  writeFileSync(path, text);
  return text;
}
