import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redactValue } from "@hub-setup/core";
import { safeEnv } from "./galaxy-env.js";
import type { InstalledCollection, ProjectUpdateRecord } from "./model.js";

/**
 * Runs the collections step of AWX's project update (awx/playbooks/project_update.yml):
 * `ansible-galaxy collection install -r <requirements> --collections-path <stage>` in the project
 * folder, with `ANSIBLE_FORCE_COLOR=false`, the collections path also in the environment, and the
 * Galaxy environment from build_env. It runs in a
 * fresh temp folder: HOME is inside it, ANSIBLE_CONFIG names an empty file there and the project has no
 * ansible.cfg, so nothing of the user's configuration is read. The run has a deadline (killed, then
 * `failed` with AWX's "Job terminated due to timeout"); close() kills whatever still runs (`canceled`).
 * Stored stdout has every token replaced by its redacted form.
 */
export type UpdateRunnerOptions = {
  command: string;
  timeoutMs: number;
  now(): Date;
  /** Called whenever a record changed (persist it). */
  changed(): void;
};

export type UpdateJob = { requirements: string; galaxyEnv: Record<string, string>; secrets: string[] };

export type UpdateRunner = {
  start(record: ProjectUpdateRecord, job: UpdateJob): void;
  /** Resolves when the update with this id has finished (at once if none runs). */
  settled(id: number): Promise<void>;
  close(): Promise<void>;
};

const MAX_OUTPUT = 1024 * 1024;

export function createUpdateRunner(opts: UpdateRunnerOptions): UpdateRunner {
  const running = new Map<number, { kill(): void; done: Promise<void> }>();
  let closing = false;

  function start(record: ProjectUpdateRecord, job: UpdateJob): void {
    const dir = mkdtempSync(join(tmpdir(), "hub-setup-project-update-"));
    const project = join(dir, "project");
    const stage = join(dir, "stage", "requirements_collections");
    mkdirSync(join(project, "collections"), { recursive: true });
    mkdirSync(join(dir, "home"));
    mkdirSync(join(dir, "tmp"));
    const requirements = join(project, "collections", "requirements.yml");
    writeFileSync(requirements, job.requirements);
    writeFileSync(join(dir, "ansible.cfg"), "");
    const env: Record<string, string> = {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: join(dir, "home"),
      LANG: "C.UTF-8",
      ANSIBLE_CONFIG: join(dir, "ansible.cfg"),
      ANSIBLE_FORCE_COLOR: "False",
      ANSIBLE_LOCAL_TEMP: join(dir, "tmp"),
      // AWX spells it ANSIBLE_COLLECTIONS_PATHS (deprecated in newer ansible-core); same setting.
      ANSIBLE_COLLECTIONS_PATH: stage,
      PROJECT_UPDATE_ID: String(record.id),
      ...job.galaxyEnv,
    };
    record.jobEnv = safeEnv(env);
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      if (size >= MAX_OUTPUT) return;
      chunks.push(chunk);
      size += chunk.length;
    };
    let timedOut = false;
    let spawnError: string | undefined;
    const child = spawn(
      opts.command,
      ["collection", "install", "-r", requirements, "--collections-path", stage],
      // Its own process group, so that a kill reaches anything it started too.
      { cwd: project, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    const kill = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, opts.timeoutMs);
    const done = new Promise<void>((resolve) => {
      child.on("error", (error: NodeJS.ErrnoException) => {
        spawnError = `${opts.command} could not be started (${error.code ?? error.message}).`;
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        record.rc = code;
        record.stdout = redact(Buffer.concat(chunks).toString("utf8"), job.secrets);
        record.installed = listInstalled(stage);
        if (spawnError !== undefined) {
          record.status = "error";
          record.jobExplanation = spawnError;
        } else if (closing) {
          record.status = "canceled";
          record.jobExplanation = "The sandbox was closed while the update ran.";
        } else if (timedOut) {
          record.status = "failed";
          record.jobExplanation = "Job terminated due to timeout";
        } else {
          record.status = code === 0 ? "successful" : "failed";
        }
        record.finished = opts.now().toISOString();
        running.delete(record.id);
        rmSync(dir, { recursive: true, force: true });
        opts.changed();
        resolve();
      });
    });
    running.set(record.id, { kill, done });
  }

  return {
    start,
    settled: async (id) => {
      await running.get(id)?.done;
    },
    close: async () => {
      closing = true;
      const all = [...running.values()];
      for (const r of all) r.kill();
      await Promise.all(all.map((r) => r.done));
    },
  };
}

/** Every secret replaced by core's redacted form (`token abcd…wxyz (40 chars)`), longest first. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(redactValue(secret, "token"));
  }
  return out;
}

/** What landed in the collections path: `ns.name` and the version from each MANIFEST.json. */
function listInstalled(stage: string): InstalledCollection[] {
  const root = join(stage, "ansible_collections");
  const found: InstalledCollection[] = [];
  for (const ns of safeList(root)) {
    for (const name of safeList(join(root, ns))) {
      try {
        const manifest = JSON.parse(readFileSync(join(root, ns, name, "MANIFEST.json"), "utf8")) as {
          collection_info?: { version?: string };
        };
        found.push({ name: `${ns}.${name}`, version: manifest.collection_info?.version ?? "" });
      } catch {
        // not a collection (e.g. a .info folder)
      }
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
