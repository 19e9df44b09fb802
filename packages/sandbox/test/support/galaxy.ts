import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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

/** A plain-text ansible.cfg with no token in it: only server_list, url and auth_url. */
export function writePlainAnsibleCfg(path: string, servers: readonly GalaxyServer[]): string {
  const lines = ["[galaxy]", `server_list = ${servers.map((s) => s.id).join(", ")}`, ""];
  for (const s of servers) {
    lines.push(`[galaxy_server.${s.id}]`, `url = ${s.url}`);
    if (s.authUrl !== undefined) lines.push(`auth_url = ${s.authUrl}`);
    lines.push("");
  }
  const text = lines.join("\n");
  writeFileSync(path, text);
  return text;
}
