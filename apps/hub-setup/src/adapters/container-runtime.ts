/** The container runtimes `ee build` drives: buildah, podman or docker (BuildKit), without a shell. */
import { spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import type { ChildExit, ContainerRuntimes, Env, RunResult, RuntimeName } from "../ports.js";
import { childStarted } from "../signals.js";

/** How long a build may take to stop after SIGTERM before it is killed. */
const STOP_GRACE_MS = 10_000;

type Run = { code: number; stdout: string; stderr: string };

function collect(command: string, args: readonly string[], env: Env, signal?: AbortSignal): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { env: { ...env }, stdio: ["ignore", "pipe", "pipe"], signal });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", (error: NodeJS.ErrnoException) =>
      resolve({ code: error.code === "ENOENT" ? 127 : 126, stdout, stderr: stderr + error.message }),
    );
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** `env` is the environment every runtime child gets (BUILDAH_ISOLATION, CONTAINERS_STORAGE_CONF, DOCKER_HOST…). */
export function containerRuntimes(env: Env): ContainerRuntimes {
  return {
    probe: async (name) => {
      const version = await collect(name, ["--version"], env);
      if (version.code === 127) return { name, found: false };
      const versionText = `${version.stdout}${version.stderr}`.trim();
      if (name !== "docker") return { name, found: true, versionText };
      const buildx = await collect("docker", ["buildx", "version"], env);
      return { name, found: true, versionText, buildkit: buildx.code === 0 };
    },
    build: (command, args, signal) =>
      new Promise<ChildExit>((resolve) => {
        const ended = childStarted();
        // The build's own output goes to our stderr: stdout stays for hub-setup's result lines.
        const child = spawn(command, [...args], { env: { ...env }, stdio: ["ignore", 2, 2] });
        let killer: ReturnType<typeof setTimeout> | undefined;
        const stop = () => {
          child.kill("SIGTERM");
          killer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
        };
        signal.addEventListener("abort", stop, { once: true });
        if (signal.aborted) stop();
        const done = (exit: ChildExit) => {
          signal.removeEventListener("abort", stop);
          if (killer !== undefined) clearTimeout(killer);
          ended();
          resolve(exit);
        };
        child.once("error", (error: NodeJS.ErrnoException) =>
          done({ kind: "error", errno: error.code ?? "UNKNOWN", message: error.message }),
        );
        child.once("exit", (code, sig) => done({ kind: "exit", code, signal: sig }));
      }),
    exportImage: async (name: RuntimeName, tag, dir, signal): Promise<RunResult> => {
      switch (name) {
        case "buildah":
          return collect("buildah", ["push", "--disable-compression", tag, `oci:${dir}`], env, signal);
        case "podman":
          return collect("podman", ["save", "--format", "oci-dir", "-o", dir, tag], env, signal);
        case "docker": {
          const tar = `${dir}.tar`;
          try {
            const saved = await collect("docker", ["save", "-o", tar, tag], env, signal);
            if (saved.code !== 0) return saved;
            await mkdir(dir, { recursive: true });
            return await collect("tar", ["-xf", tar, "-C", dir], env, signal);
          } finally {
            await rm(tar, { force: true });
          }
        }
      }
    },
  };
}
