// The secret store against a real Secret Service: gnome-keyring on a private D-Bus session bus (see
// test-utils' keyring-session). The store runs in a child process (keyring-child.mjs) because the native
// module takes its bus from the process env; `secret-tool` checks from outside what was really stored.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  deadBusEnv,
  keyringSessionPerFile,
  mintOfflineToken,
  requireKeyringTools,
  showsSecret,
  startKeyringSession,
  tempDir,
} from "@hub-setup/test-utils";

const tools = requireKeyringTools();
const dist = fileURLToPath(new URL("../../dist/node/index.js", import.meta.url));
const child = fileURLToPath(new URL("./keyring-child.mjs", import.meta.url));

type Failure = { code: string | null; message: string; hint: string | null };
type Op =
  | { op: "pause"; ok: boolean; error?: Failure }
  | { op: "set"; ok: boolean; error?: Failure }
  | { op: "get"; ok: boolean; fingerprint?: string | null; error?: Failure }
  | { op: "delete"; ok: boolean; deleted?: boolean; error?: Failure }
  | { op: "list"; ok: boolean; ids?: string[]; error?: Failure };
type ChildResult = {
  probe?: { loaded: boolean; usable: boolean; reason: string | null };
  open?: { backend: string; location: string; note: string | null; error?: undefined } | { error: Failure };
  ops?: Op[];
};
type Plan = {
  probe?: true;
  open?: { backend: "auto" | "keyring" | "file" };
  ops?: { op: string; id?: string; token?: string }[];
};

// Each test starts several node children (and one a whole keyring): seconds on a loaded machine, not 5.
const SLOW = { timeout: 30_000 };

const fingerprint = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

const childEnv = (env: Record<string, string>) => ({ PATH: process.env["PATH"] ?? "/usr/bin:/bin", ...env });

/** What a child printed, checked for pieces of `secrets` before anything else is looked at. */
function checked(
  run: { stdout: string; stderr: string; status: number | null },
  secrets: string[],
): ChildResult {
  const printed = `${run.stdout}\n${run.stderr}`;
  for (const secret of secrets)
    expect(showsSecret(printed, secret), "the child printed a piece of a token").toBe(false);
  expect(run.stderr, "the child wrote to stderr").toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout.trimEnd().split("\n").at(-1) ?? "") as ChildResult;
}

/** Runs a plan in a child with exactly `env` (plus PATH): no bus address or HOME of ours leaks in. */
function inChild(env: Record<string, string>, plan: Plan, secrets: string[] = []): ChildResult {
  expect(
    existsSync(dist),
    `build core first: npx turbo run build --filter=@hub-setup/core (${dist} is missing)`,
  ).toBe(true);
  const run = spawnSync(process.execPath, [child], {
    env: childEnv(env),
    input: JSON.stringify(plan),
    encoding: "utf8",
    timeout: 20_000,
  });
  return checked(run, secrets);
}

/** Like inChild, for a plan with one "pause" op: `meanwhile` runs while the child waits there. */
async function inChildPaused(
  env: Record<string, string>,
  plan: Plan,
  meanwhile: () => void,
  secrets: string[],
): Promise<ChildResult> {
  const proc = spawn(process.execPath, [child], { env: childEnv(env), stdio: ["pipe", "pipe", "pipe"] });
  const timer = setTimeout(() => proc.kill("SIGKILL"), 20_000);
  let stdout = "";
  let stderr = "";
  let paused = (): void => undefined;
  const atPause = new Promise<void>((resolve) => (paused = resolve));
  proc.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (stdout.startsWith("paused\n")) paused();
  });
  proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<number | null>((resolve) => proc.on("close", resolve));
  proc.stdin.write(`${JSON.stringify(plan)}\n`);
  await Promise.race([atPause, ended]);
  meanwhile();
  proc.stdin.end("go\n");
  const status = await ended;
  clearTimeout(timer);
  return checked({ stdout, stderr, status }, secrets);
}

/** Every file under `dir`, for "nothing of the token was written here". */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** `secret-tool search` output without its `secret = …` lines, safe to show in a failed assertion. */
const withoutSecrets = (text: string) =>
  text
    .split("\n")
    .filter((l) => !l.startsWith("secret = "))
    .join("\n");

describe.skipIf(!tools.available)(
  "the secret store with a real OS keyring (gnome-keyring, private bus)",
  SLOW,
  () => {
    const session = keyringSessionPerFile();
    const envWith = (xdg: string) => ({ ...session().env, XDG_CONFIG_HOME: xdg });

    it("probeKeyring finds the keyring usable and leaves no probe entry behind", () => {
      const result = inChild(session().env, { probe: true });
      expect(result.probe).toEqual({ loaded: true, usable: true, reason: null });
      const left = session().secretTool(["search", "--all", "service", "hub-setup"]);
      expect(withoutSecrets(left.stdout)).not.toContain("probe-");
    });

    it("--store keyring: secret-tool finds the token under service hub-setup / username <id>; get returns it; delete removes it", () => {
      const xdg = tempDir();
      const token = mintOfflineToken();
      const id = "rh_certified";
      const stored = inChild(
        envWith(xdg),
        {
          open: { backend: "keyring" },
          ops: [{ op: "set", id, token }, { op: "get", id }, { op: "list" }],
        },
        [token],
      );
      expect(stored.open).toEqual({
        backend: "keyring",
        location: "OS keyring (service hub-setup)",
        note: null,
      });
      expect(stored.ops).toEqual([
        { op: "set", ok: true },
        { op: "get", ok: true, fingerprint: fingerprint(token) },
        { op: "list", ok: true, ids: [id] },
      ]);
      // @napi-rs/keyring (keyring-rs) names the attributes "service" and "username".
      const lookup = session().secretTool(["lookup", "service", "hub-setup", "username", id]);
      expect(lookup.status).toBe(0);
      expect(fingerprint(lookup.stdout), "secret-tool gives back the token we stored").toBe(
        fingerprint(token),
      );
      const search = session().secretTool(["search", "--all", "service", "hub-setup"]);
      // secret-tool prints the attributes on stderr, the label and the secret on stdout.
      expect(withoutSecrets(`${search.stdout}${search.stderr}`)).toContain(`attribute.username = ${id}`);
      expect(existsSync(join(xdg, "hub-setup", "credentials"))).toBe(false);

      // A second process (as the next `hub-setup exec` would be) reads it back, then deletes it.
      const removed = inChild(
        envWith(xdg),
        {
          open: { backend: "keyring" },
          ops: [{ op: "get", id }, { op: "delete", id }, { op: "get", id }, { op: "list" }],
        },
        [token],
      );
      expect(removed.ops).toEqual([
        { op: "get", ok: true, fingerprint: fingerprint(token) },
        { op: "delete", ok: true, deleted: true },
        { op: "get", ok: true, fingerprint: null },
        { op: "list", ok: true, ids: [] },
      ]);
      const gone = session().secretTool(["lookup", "service", "hub-setup", "username", id]);
      expect(gone.stdout).toBe("");
      expect(gone.status).not.toBe(0);
    });

    it("auto picks the usable keyring and writes no token and no credentials file to disk", () => {
      const xdg = tempDir();
      const token = mintOfflineToken();
      const id = "private_hub";
      const result = inChild(envWith(xdg), { open: { backend: "auto" }, ops: [{ op: "set", id, token }] }, [
        token,
      ]);
      expect(result.open).toMatchObject({ backend: "keyring", note: null });
      expect(result.ops).toEqual([{ op: "set", ok: true }]);
      expect(existsSync(join(xdg, "hub-setup", "credentials"))).toBe(false);
      // Only the index of ids is on disk; neither it nor anything else holds the token.
      expect(filesUnder(xdg).map((f) => f.slice(xdg.length))).toEqual(["/hub-setup/keyring-index.ini"]);
      // gnome-keyring keeps it encrypted at rest: its keyring file exists and shows no piece of it.
      const { HOME, XDG_DATA_HOME, XDG_CACHE_HOME } = session().env;
      const written = [HOME, XDG_DATA_HOME, XDG_CACHE_HOME].flatMap(filesUnder);
      expect(written.map((f) => f.slice(XDG_DATA_HOME.length))).toContain("/keyrings/login.keyring");
      for (const file of written) {
        expect(showsSecret(readFileSync(file, "latin1"), token), `${file} holds the token`).toBe(false);
      }
      const lookup = session().secretTool(["lookup", "service", "hub-setup", "username", id]);
      expect(fingerprint(lookup.stdout)).toBe(fingerprint(token));
    });
  },
);

describe.skipIf(!tools.available)("a locked OS keyring", SLOW, () => {
  it("the probe says it is locked; --store keyring fails naming what to do; auto does not silently move tokens to a file", async () => {
    const session = await startKeyringSession();
    onTestFinished(() => session.close());
    const xdg = tempDir();
    const env = { ...session.env, XDG_CONFIG_HOME: xdg };
    const token = mintOfflineToken();
    const before = inChild(env, { open: { backend: "keyring" }, ops: [{ op: "set", id: "hub", token }] }, [
      token,
    ]);
    expect(before.ops).toEqual([{ op: "set", ok: true }]);

    session.lock();
    expect(session.isLocked()).toBe(true);

    const probe = inChild(env, { probe: true }, [token]);
    expect(probe.probe).toMatchObject({ loaded: true, usable: false });
    expect(probe.probe?.reason).toContain("unlock prompt was dismissed");

    const explicit = inChild(env, { open: { backend: "keyring" } }, [token]);
    expect(explicit.open).toMatchObject({ error: { code: "STORE_UNAVAILABLE" } });
    const failure = (explicit.open as { error: Failure }).error;
    expect(failure.message).toBe(
      "the OS keyring cannot be used here: it is locked (Couldn't access platform storage: Secret Service: unlock prompt was dismissed)",
    );
    expect(failure.hint).toBe(
      "unlock it (log in to the desktop session, or run `gnome-keyring-daemon --unlock` and type the keyring password), then run this again; or keep tokens in a 0600 file under $XDG_CONFIG_HOME/hub-setup instead (--store file)",
    );

    // auto, where the keyring holds tokens: an error, not an empty file store that hides them.
    const auto = inChild(env, { open: { backend: "auto" } }, [token]);
    expect(auto.open).toMatchObject({ error: { code: "STORE_UNAVAILABLE" } });
    expect((auto.open as { error: Failure }).error.message).toMatch(
      /^the OS keyring holds the tokens of hub but cannot be used here: it is locked \(/,
    );
    expect(existsSync(join(xdg, "hub-setup", "credentials"))).toBe(false);

    // auto, where no token is in the keyring yet: the file store, with the reason recorded.
    const fresh = tempDir();
    const other = inChild({ ...session.env, XDG_CONFIG_HOME: fresh }, { open: { backend: "auto" } }, [token]);
    expect(other.open).toMatchObject({ backend: "file" });
    expect((other.open as { note: string }).note).toMatch(
      /^the OS keyring cannot be used here \(it is locked \(.*\)\), so tokens go to a 0600 file$/,
    );
    expect(readdirSync(fresh)).toEqual([]); // opening writes nothing
  });
});

describe.skipIf(!tools.available)(
  "a keyring locked while a store is open (a screen lock mid-run)",
  SLOW,
  () => {
    it("reads and writes after the lock fail with STORE_UNAVAILABLE saying it is locked and how to unlock it; no token printed", async () => {
      const session = await startKeyringSession();
      onTestFinished(() => session.close());
      const xdg = tempDir();
      const [first, second] = [mintOfflineToken(), mintOfflineToken()];
      const result = await inChildPaused(
        { ...session.env, XDG_CONFIG_HOME: xdg },
        {
          open: { backend: "keyring" },
          ops: [
            { op: "set", id: "hub", token: first },
            { op: "pause" },
            { op: "set", id: "other", token: second },
            { op: "get", id: "hub" },
          ],
        },
        () => session.lock(),
        [first, second],
      );
      expect(result.open).toMatchObject({ backend: "keyring" });
      expect(result.ops?.map((o) => [o.op, o.ok])).toEqual([
        ["set", true],
        ["pause", true],
        ["set", false],
        ["get", false],
      ]);
      const locked = "Couldn't access platform storage: Secret Service: unlock prompt was dismissed";
      const [write, read] = [result.ops?.[2]?.error, result.ops?.[3]?.error];
      expect(write).toMatchObject({
        code: "STORE_UNAVAILABLE",
        message: `the OS keyring failed to store a token: it is locked (${locked})`,
      });
      expect(read).toMatchObject({
        code: "STORE_UNAVAILABLE",
        message: `the OS keyring failed to read a token: it is locked (${locked})`,
      });
      for (const failure of [write, read])
        expect(failure?.hint).toMatch(/^unlock it \(.*gnome-keyring-daemon --unlock/);
      expect(existsSync(join(xdg, "hub-setup", "credentials"))).toBe(false);
    });
  },
);

describe.skipIf(!tools.available)("a session bus with no keyring service on it", SLOW, () => {
  it("auto falls back to the file store saying no keyring service runs; --store keyring names how to start one", async () => {
    const session = await startKeyringSession({ secretService: false });
    onTestFinished(() => session.close());
    const xdg = tempDir();
    const env = { ...session.env, XDG_CONFIG_HOME: xdg };
    const token = mintOfflineToken();

    const explicit = inChild(env, { open: { backend: "keyring" } }, [token]);
    expect(explicit.open).toMatchObject({ error: { code: "STORE_UNAVAILABLE" } });
    const failure = (explicit.open as { error: Failure }).error;
    expect(failure.message).toMatch(
      /^the OS keyring cannot be used here: no keyring service \(such as gnome-keyring\) runs on the D-Bus session bus \(.*org\.freedesktop\.secrets/,
    );
    expect(failure.hint).toContain("gnome-keyring-daemon --unlock --components=secrets");

    const auto = inChild(env, { open: { backend: "auto" }, ops: [{ op: "set", id: "hub", token }] }, [token]);
    expect(auto.open).toMatchObject({ backend: "file" });
    expect((auto.open as { note: string }).note).toContain("no keyring service (such as gnome-keyring) runs");
    expect(auto.ops).toEqual([{ op: "set", ok: true }]);
    expect(statSync(join(xdg, "hub-setup", "credentials")).mode & 0o777).toBe(0o600);
  });
});

describe("no D-Bus session bus (a dead socket)", SLOW, () => {
  it("auto falls back to the file store and records why; --store keyring fails with a clear message; no token printed", () => {
    const dir = tempDir();
    const xdg = tempDir();
    const env = { ...deadBusEnv(dir), HOME: dir, XDG_CONFIG_HOME: xdg };
    const token = mintOfflineToken();

    const probe = inChild(env, { probe: true });
    expect(probe.probe).toMatchObject({ loaded: true, usable: false });

    const explicit = inChild(env, { open: { backend: "keyring" } }, [token]);
    expect(explicit.open).toMatchObject({ error: { code: "STORE_UNAVAILABLE" } });
    const failure = (explicit.open as { error: Failure }).error;
    expect(failure.message).toMatch(
      /^the OS keyring cannot be used here: no D-Bus session bus answers, so the keyring cannot be reached \(.*Failed to connect to socket/,
    );
    expect(failure.hint).toContain("dbus-run-session");
    expect(existsSync(join(xdg, "hub-setup", "credentials"))).toBe(false);

    const auto = inChild(
      env,
      {
        open: { backend: "auto" },
        ops: [
          { op: "set", id: "hub", token },
          { op: "get", id: "hub" },
        ],
      },
      [token],
    );
    expect(auto.open).toMatchObject({ backend: "file" });
    expect((auto.open as { note: string }).note).toContain("no D-Bus session bus answers");
    expect(auto.ops).toEqual([
      { op: "set", ok: true },
      { op: "get", ok: true, fingerprint: fingerprint(token) },
    ]);
    const credentials = join(xdg, "hub-setup", "credentials");
    expect(statSync(credentials).mode & 0o777).toBe(0o600);
  });
});
