// A real Secret Service for tests: a private D-Bus session bus and an unlocked gnome-keyring, both
// under one temp folder, so nothing touches the user's own session, keyring or HOME.
//
// The bus gets its own config: it listens on a socket in our folder and knows no .service files, so
// nothing is auto-started on it (no second keyring, no unlock prompter: a locked keyring answers
// "prompt dismissed" at once instead of waiting for a window). A watchdog shell reads our stdin pipe:
// if this process dies without close(), the pipe ends and the watchdog kills the daemons and removes
// the folder.
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { requireTool } from "./require-tool.js";

export const KEYRING_INSTALL_HINT = "apt-get install gnome-keyring dbus libsecret-tools";
const TOOLS = ["dbus-daemon", "dbus-send", "gnome-keyring-daemon", "secret-tool"];
const SECRETS = "org.freedesktop.secrets";
const LOGIN = "/org/freedesktop/secrets/collection/login";
const START_TIMEOUT_MS = 10_000;

export type KeyringTools = { available: true } | { available: false; reason: string };

/** The tools a real keyring needs: a skip with a printed reason locally, a failure under CI=true. */
export function requireKeyringTools(): KeyringTools {
  for (const tool of TOOLS) {
    const check = requireTool(tool, KEYRING_INSTALL_HINT);
    if (!check.available) return check;
  }
  return { available: true };
}

/** The variables a process needs to use this keyring; every folder is inside the session's temp root. */
export type KeyringEnv = {
  DBUS_SESSION_BUS_ADDRESS: string;
  HOME: string;
  XDG_CONFIG_HOME: string;
  XDG_DATA_HOME: string;
  XDG_CACHE_HOME: string;
  XDG_RUNTIME_DIR: string;
};

export type ToolRun = { status: number | null; stdout: string; stderr: string };

export type KeyringSession = {
  env: KeyringEnv;
  /** `secret-tool …` on this session's bus, for checks from outside (prints secrets: compare, never log). */
  secretTool(args: readonly string[], input?: string): ToolRun;
  /** Whether the login collection (the default one) is locked now (throws without a keyring daemon). */
  isLocked(): boolean;
  /** Locks the login collection, as a screen lock or a timeout would. There is no unlock (that needs a prompt). */
  lock(): void;
  /** Stops both daemons and removes the temp folder; safe to call twice. */
  close(): Promise<void>;
};

/** A bus address whose socket does not exist: what a process sees when no session bus is running. */
export function deadBusEnv(dir: string): Pick<KeyringEnv, "DBUS_SESSION_BUS_ADDRESS"> {
  return { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, "no-bus-here")}` };
}

function busConfig(socket: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

function collect(child: ChildProcess): () => string {
  let text = "";
  child.stdout?.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (text += d.toString()));
  return () => text.trim();
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode != null || child.signalCode != null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));

/** Resolves with the first line dbus-daemon prints (its address), or rejects with what it said. */
function busAddress(bus: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dbus-daemon gave no address: ${output()}`)),
      START_TIMEOUT_MS,
    );
    let first = "";
    bus.stdout?.on("data", (d: Buffer) => {
      first += d.toString();
      const line = first.split("\n");
      if (line.length > 1 && line[0] !== undefined) {
        clearTimeout(timer);
        resolve(line[0]);
      }
    });
    bus.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    bus.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`dbus-daemon ended (${code}) before it listened: ${output()}`));
    });
  });
}

const run = promisify(execFile);

/**
 * Learns the daemons' pids from stdin ("pid N" lines). "done" means close() did the work; the end of
 * stdin without it means the test process died: then it kills the daemons and removes the folder ($0).
 */
const WATCHDOG = `pids=
while read -r word arg; do
  case "$word" in
    pid) pids="$pids $arg" ;;
    done) exit 0 ;;
  esac
done
kill $pids 2>/dev/null; sleep 1; kill -9 $pids 2>/dev/null; rm -rf "$0"`;

export type KeyringSessionOptions = {
  /** The login keyring's password (fed to `gnome-keyring-daemon --unlock` on stdin). */
  password?: string;
  /** false: the bus only, no keyring daemon on it (a headless session without gnome-keyring). */
  secretService?: boolean;
};

/**
 * Starts a private bus and an unlocked gnome-keyring; resolves once the login collection answers
 * unlocked. The caller closes it (or uses keyringSessionPerFile); the watchdog covers a crash.
 */
export async function startKeyringSession(options: KeyringSessionOptions = {}): Promise<KeyringSession> {
  const root = mkdtempSync(join(tmpdir(), "hub-setup-keyring-"));
  const dirs = { HOME: "home", XDG_CONFIG_HOME: "config", XDG_DATA_HOME: "data", XDG_CACHE_HOME: "cache" };
  const runtime = join(root, "run");
  mkdirSync(runtime, { mode: 0o700 });
  for (const sub of Object.values(dirs)) mkdirSync(join(root, sub), { mode: 0o700 });
  writeFileSync(join(root, "bus.conf"), busConfig(join(runtime, "bus")));

  const bus = spawn(
    "dbus-daemon",
    [`--config-file=${join(root, "bus.conf")}`, "--nofork", "--print-address=1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const daemons: ChildProcess[] = [];
  const watchdog = spawn("sh", ["-c", WATCHDOG, root], { stdio: ["pipe", "ignore", "ignore"] });
  const watch = (child: ChildProcess): void => {
    daemons.push(child);
    watchdog.stdin?.write(`pid ${child.pid}\n`);
  };
  watch(bus);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    for (const d of daemons) d.kill("SIGTERM");
    await Promise.all(
      daemons.map((d) => Promise.race([exited(d), new Promise((r) => setTimeout(r, 5_000))])),
    );
    for (const d of daemons) if (d.exitCode == null && d.signalCode == null) d.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
    watchdog.stdin?.end("done\n");
  };
  try {
    const address = await busAddress(bus, collect(bus));
    const env: KeyringEnv = {
      DBUS_SESSION_BUS_ADDRESS: address,
      HOME: join(root, dirs.HOME),
      XDG_CONFIG_HOME: join(root, dirs.XDG_CONFIG_HOME),
      XDG_DATA_HOME: join(root, dirs.XDG_DATA_HOME),
      XDG_CACHE_HOME: join(root, dirs.XDG_CACHE_HOME),
      XDG_RUNTIME_DIR: runtime,
    };
    const childEnv = { PATH: process.env["PATH"] ?? "/usr/bin:/bin", ...env };
    if (options.secretService !== false) await startUnlockedKeyring(childEnv, options.password, watch);

    const sync = (command: string, args: readonly string[], input?: string): ToolRun => {
      const r = spawnSync(command, args, { env: childEnv, input, encoding: "utf8", timeout: 10_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const isLocked = (): boolean => {
      const r = sync("dbus-send", dbusGet(LOGIN, "Locked"));
      if (r.status !== 0) throw new Error(`cannot read the keyring's Locked property: ${r.stderr}`);
      return /boolean true/.test(r.stdout);
    };
    // A test that forgets close() must not keep its process alive: the watchdog cleans up after it.
    for (const child of [...daemons, watchdog]) {
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as Socket | null)?.unref();
    }
    return {
      env,
      secretTool: (args, input) => sync("secret-tool", args, input),
      isLocked,
      lock: () => {
        // `secret-tool lock` crashes on Debian 12 (libsecret 0.20.5), so the Secret Service call itself.
        const r = sync("dbus-send", [
          "--session",
          "--print-reply",
          `--dest=${SECRETS}`,
          "/org/freedesktop/secrets",
          "org.freedesktop.Secret.Service.Lock",
          `array:objpath:${LOGIN}`,
        ]);
        if (r.status !== 0 || !isLocked()) throw new Error(`could not lock the keyring: ${r.stderr}`);
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** gnome-keyring-daemon with its login keyring created/unlocked from `password`; resolves when it answers unlocked. */
async function startUnlockedKeyring(
  childEnv: Record<string, string>,
  password = "hub-setup-test",
  watch: (child: ChildProcess) => void,
): Promise<void> {
  const keyring = spawn("gnome-keyring-daemon", ["--foreground", "--unlock", "--components=secrets"], {
    env: childEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  watch(keyring);
  const keyringOutput = collect(keyring);
  const failedToStart = new Promise<string>((resolve) => keyring.once("error", (e) => resolve(e.message)));
  keyring.stdin.end(password);

  const lockedProperty = async (): Promise<string> => {
    const { stdout } = await run("dbus-send", dbusGet(LOGIN, "Locked"), { env: childEnv, timeout: 5_000 });
    return stdout;
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (keyring.exitCode != null)
      throw new Error(`gnome-keyring-daemon ended (${keyring.exitCode}): ${keyringOutput()}`);
    const spawnError = await Promise.race([failedToStart, Promise.resolve(undefined)]);
    if (spawnError !== undefined) throw new Error(`gnome-keyring-daemon did not start: ${spawnError}`);
    const answer = await lockedProperty().catch((e: Error) => e.message);
    if (/boolean false/.test(answer)) break;
    if (Date.now() > deadline)
      throw new Error(`the keyring did not come up unlocked: ${answer} ${keyringOutput()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function dbusGet(path: string, property: string): string[] {
  return [
    "--session",
    "--print-reply",
    `--dest=${SECRETS}`,
    path,
    "org.freedesktop.DBus.Properties.Get",
    "string:org.freedesktop.Secret.Collection",
    `string:${property}`,
  ];
}

/**
 * One keyring session for the tests of the enclosing describe block (call it inside the block, so a
 * skipped block starts nothing): started before its first test, closed after its last.
 */
export function keyringSessionPerFile(): () => KeyringSession {
  let session: KeyringSession | undefined;
  // Timeouts of their own: a project's vitest config does not inherit the root's hookTimeout.
  beforeAll(async () => {
    session = await startKeyringSession();
  }, 30_000);
  afterAll(async () => {
    await session?.close();
  }, 15_000);
  return () => {
    if (session === undefined) throw new Error("the keyring session has not started (used outside a test?)");
    return session;
  };
}
