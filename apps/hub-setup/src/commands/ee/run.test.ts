import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_BUILD_SECRET_ID, renderSecretEnvFile, rewriteForBuildSecret } from "@hub-setup/core";
import { tempDir } from "@hub-setup/test-utils";
import { eeFiles } from "../../adapters/ee-files.js";
import { exitCodeFor, EXIT } from "../../exit-codes.js";
import type {
  ChildExit,
  ContainerRuntimes,
  ImageScanPort,
  RunResult,
  RuntimeName,
  RuntimeProbe,
} from "../../ports.js";
import {
  hubToken,
  loadedConfig,
  memoryState,
  memoryStore,
  offlineToken,
  output,
  refreshed,
  refreshFailed,
  scriptedChecks,
  server,
} from "../../../test/support/fake-ports.js";
import { snapshotTree } from "../../../test/support/fs-snapshot.js";
import type { EeDeps } from "./deps.js";
import { runEe } from "./run.js";

const FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../../packages/core/test/fixtures/ee",
);
const SSO = "https://sso.example.test/auth/realms/redhat-external/protocol/openid-connect/token";
const CLOUD = "https://console.example.test/api/automation-hub/content/published/";
const PRIVATE = "https://hub.example.test/api/galaxy/content/rh-certified/";

type BuildSeen = {
  command: string;
  args: string[];
  secretText: string;
  secretMode: number;
  dirMode: number;
  containerfile: string;
  secretPath: string;
};

/** Runtimes that answer from a script: versions, and a build that records what it was given. */
function fakeRuntimes(script: {
  probes?: Partial<Record<RuntimeName, RuntimeProbe>>;
  build?: (seen: BuildSeen, signal: AbortSignal) => Promise<ChildExit>;
  exportResult?: RunResult;
}) {
  const builds: BuildSeen[] = [];
  const exported: string[] = [];
  const probed: RuntimeName[] = [];
  const runtimes: ContainerRuntimes = {
    probe: async (name) => {
      probed.push(name);
      return script.probes?.[name] ?? { name, found: false };
    },
    build: async (command, args, signal) => {
      const secretArg = args[args.indexOf("--secret") + 1] ?? "";
      const secretPath = /src=(.*)$/.exec(secretArg)?.[1] ?? "";
      const seen: BuildSeen = {
        command,
        args: [...args],
        secretText: readFileSync(secretPath, "utf8"),
        secretMode: statSync(secretPath).mode & 0o777,
        dirMode: statSync(dirname(secretPath)).mode & 0o777,
        containerfile: readFileSync(args[args.indexOf("-f") + 1] ?? "", "utf8"),
        secretPath,
      };
      builds.push(seen);
      return script.build === undefined
        ? { kind: "exit", code: 0, signal: null }
        : script.build(seen, signal);
    },
    exportImage: async (_name, _tag, dir) => {
      exported.push(dir);
      return script.exportResult ?? { code: 0, stdout: "", stderr: "" };
    },
  };
  return { runtimes, builds, exported, probed };
}

const BUILDAH: RuntimeProbe = {
  name: "buildah",
  found: true,
  versionText: "buildah version 1.28.2 (image-spec 1.0.2-dev)",
};

/** A project with a copy of a fixture context, a private TMPDIR, and every port faked but the files. */
function harness(options: {
  fixture?: string;
  servers?: ReturnType<typeof server>[];
  store?: Record<string, string>;
  /** Where each stored token was verified (memoryStore's bindings); without it, where the config points. */
  bindings?: Parameters<typeof memoryStore>[1];
  refresh?: Parameters<typeof scriptedChecks>[0]["refresh"];
  runtimes?: Parameters<typeof fakeRuntimes>[0];
  findings?: Awaited<ReturnType<ImageScanPort>>["findings"];
}) {
  const root = tempDir("hub-setup-ee-unit-");
  const project = join(root, "project");
  const tmp = join(root, "tmp");
  cpSync(join(FIXTURES, options.fixture ?? "ok.builder-3.1", "context"), join(project, "context"), {
    recursive: true,
  });
  mkdirSync(tmp, { mode: 0o700 });
  const io = output();
  const checks = scriptedChecks({ refresh: options.refresh ?? {} });
  const state = memoryState();
  const rt = fakeRuntimes(options.runtimes ?? { probes: { buildah: BUILDAH } });
  const scans: Array<{ dir: string; needles: readonly string[] }> = [];
  const controller = new AbortController();
  const files = eeFiles({ TMPDIR: tmp });
  const deps: EeDeps = {
    loadConfig: async () => loadedConfig(options.servers ?? []),
    openStore: async () => memoryStore(options.store ?? {}, options.bindings),
    openState: async () => state,
    openChecks: async () => checks.checks,
    files,
    runtimes: rt.runtimes,
    scanImage: async (dir, needles) => {
      scans.push({ dir, needles });
      return {
        findings: options.findings ?? [],
        counts: { index: 1, manifest: 1, config: 1, layer: 3, other: 0 },
      };
    },
    cwd: project,
    signal: controller.signal,
    now: () => new Date("2026-12-07T08:00:00Z"),
    stdout: io.stdout,
    stderr: io.stderr,
  };
  return {
    root,
    project,
    context: join(project, "context"),
    tmp,
    io,
    checks,
    state,
    rt,
    scans,
    controller,
    deps,
  };
}

async function failure(
  promise: Promise<number>,
): Promise<{ code: string; message: string; hint: string; exit: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; message: string; hint?: string };
    return { code: e.code, message: e.message, hint: e.hint ?? "", exit: exitCodeFor(error) };
  }
  throw new Error("expected the command to fail");
}

const offline = offlineToken({ iss: "https://sso.example.test/auth/realms/redhat-external" });
const hub = hubToken(7);
const twoHubs = {
  servers: [
    server("rh_published", { url: CLOUD, authUrl: SSO }),
    server("pah_rh_certified", { url: PRIVATE }),
  ],
  store: { rh_published: offline, pah_rh_certified: hub },
};

describe("ee build", () => {
  it("builds a rewritten copy with the servers as a 0600 build secret, leaves the context as it was, and verifies the image", async () => {
    const h = harness({ ...twoHubs, refresh: { [offline]: refreshed() } });
    const before = snapshotTree(h.context);
    const code = await runEe(["build", "--tag", "my-ee:1", "--", "--layers"], h.deps);
    expect(code).toBe(EXIT.OK);
    const [build] = h.rt.builds;
    expect(build?.command).toBe("buildah");
    expect(build?.args.slice(0, 3)).toEqual([
      "bud",
      "--secret",
      `id=${DEFAULT_BUILD_SECRET_ID},src=${build?.secretPath}`,
    ]);
    expect(build?.args.slice(-2, -1)).toEqual(["--layers"]);
    expect(build?.secretMode).toBe(0o600);
    expect(build?.dirMode).toBe(0o700);
    expect(build?.secretPath.startsWith(h.tmp)).toBe(true);
    expect(build?.secretText).toBe(
      renderSecretEnvFile([
        { id: "rh_published", url: CLOUD, authUrl: SSO, token: offline },
        { id: "pah_rh_certified", url: PRIVATE, token: hub },
      ]),
    );
    const original = readFileSync(join(h.context, "Containerfile"), "utf8");
    expect(build?.containerfile).toBe(rewriteForBuildSecret(original, { secretId: DEFAULT_BUILD_SECRET_ID }));
    // The offline token was refreshed before the build, and the time recorded for status.
    expect(h.checks.calls.map((c) => c.op)).toEqual(["refresh"]);
    expect(h.state.records.map((r) => r[0])).toEqual(["rh_published"]);
    // The image was searched for both tokens; nothing of the build is left, the context is unchanged.
    expect(h.scans[0]?.needles).toContain(offline);
    expect(h.scans[0]?.needles).toContain(hub);
    expect(readdirSync(h.tmp)).toEqual([]);
    expect(snapshotTree(h.context)).toEqual(before);
    expect(h.io.out()).toBe("built my-ee:1; verified: no token in the image's config, history or 3 layers\n");
    expect(h.io.err()).not.toContain(offline);
  });

  it("refuses a context that carries a token before anything else, redacted, saying how to fix it", async () => {
    const h = harness({ fixture: "ng.token-in-ansible-cfg", ...twoHubs });
    const f = await failure(runEe(["build"], h.deps));
    expect(f.code).toBe("TOKEN_IN_BUILD");
    expect(f.exit).toBe(EXIT.TOKEN_IN_BUILD);
    expect(f.message).toContain("_build/configs/ansible.cfg:7: token = ");
    expect(f.message).toContain("_build/configs/ansible.cfg:11: password = ");
    expect(f.message).not.toContain("not-a-real-offline-token-fixture-0123456789abcdefghijklmnop");
    expect(f.message).not.toContain("fixture-password");
    expect(f.hint).toMatch(
      /remove the token .* line from that ansible\.cfg.*hub-setup provide the token as a build secret/,
    );
    expect(h.rt.probed).toEqual([]);
    expect(h.checks.calls).toEqual([]);
  });

  it("refuses an ARG default with a token, pointing at additional_build_steps", async () => {
    const h = harness({ fixture: "ng.arg-token-default", ...twoHubs });
    const f = await failure(runEe(["build"], h.deps));
    expect(f.code).toBe("TOKEN_IN_BUILD");
    expect(f.hint).toContain("remove the ARG/ENV default from additional_build_steps");
  });

  it("refuses a folder that is not an ansible-builder context, and a missing one", async () => {
    const h = harness({ fixture: "ng.unrecognised", ...twoHubs });
    const f = await failure(runEe(["build"], h.deps));
    expect([f.code, f.exit]).toEqual(["EE_CONTEXT", EXIT.USAGE]);
    expect(f.message).toContain("not an ansible-builder context we recognise");
    const missing = await failure(runEe(["build", "--context", "nowhere"], h.deps));
    expect(missing.message).toContain(`${join(h.project, "nowhere")} has no Containerfile or Dockerfile`);
    expect(h.rt.builds).toEqual([]);
  });

  it("refuses buildah older than 1.24 and docker without BuildKit, with the reason, before touching tokens", async () => {
    const old = harness({
      ...twoHubs,
      runtimes: {
        probes: { buildah: { name: "buildah", found: true, versionText: "buildah version 1.23.1" } },
      },
    });
    const f = await failure(runEe(["build", "--runtime", "buildah"], old.deps));
    expect([f.code, f.exit]).toEqual(["EE_RUNTIME", EXIT.BUILD]);
    expect(f.message).toBe(
      "cannot build with buildah: buildah 1.23.1 cannot mount build secrets into RUN steps (buildah 1.24 or later can)",
    );
    expect(old.checks.calls).toEqual([]);

    const none = harness({
      ...twoHubs,
      runtimes: {
        probes: {
          docker: { name: "docker", found: true, versionText: "Docker version 20.10.5", buildkit: false },
        },
      },
    });
    const g = await failure(runEe(["build"], none.deps));
    expect(none.rt.probed).toEqual(["buildah", "podman", "docker"]);
    expect(g.message).toContain("buildah is not installed");
    expect(g.message).toContain("docker is here without BuildKit");
  });

  it("takes the first runtime that can, and docker builds with buildx --load", async () => {
    const h = harness({
      ...twoHubs,
      refresh: { [offline]: refreshed() },
      runtimes: {
        probes: {
          docker: {
            name: "docker",
            found: true,
            versionText: "Docker version 27.1.1, build x",
            buildkit: true,
          },
        },
      },
    });
    expect(await runEe(["build"], h.deps)).toBe(EXIT.OK);
    expect(h.rt.builds[0]?.args.slice(0, 3)).toEqual(["buildx", "build", "--load"]);
    expect(h.rt.builds[0]?.args).toContain("ansible-execution-env:latest");
  });

  it("stops before the build when an offline token is refused, leaving no secret behind", async () => {
    const h = harness({
      ...twoHubs,
      refresh: { [offline]: refreshFailed("expired", "Offline user session not found") },
    });
    const f = await failure(runEe(["build"], h.deps));
    expect([f.code, f.exit]).toEqual(["TOKEN_EXPIRED", EXIT.AUTH]);
    expect(f.message).toMatch(
      /^before the build: the offline token of rh_published \(.*\) was refused by .*: Offline user session not found$/,
    );
    expect(f.message).not.toContain(offline);
    expect(h.rt.builds).toEqual([]);
    expect(readdirSync(h.tmp)).toEqual([]);
  });

  it("names a token revoked during the build in a plain message (exit 3), and deletes the secret", async () => {
    let calls = 0;
    const h = harness({
      ...twoHubs,
      runtimes: {
        probes: { buildah: BUILDAH },
        build: async () => ({ kind: "exit", code: 1, signal: null }),
      },
    });
    h.checks.checks.refresh = async () =>
      ++calls === 1 ? refreshed() : refreshFailed("expired", "Offline user session not found");
    const f = await failure(runEe(["build"], h.deps));
    expect([f.code, f.exit]).toEqual(["TOKEN_EXPIRED", EXIT.AUTH]);
    expect(f.message).toMatch(/^the build failed: the offline token of rh_published/);
    expect(existsSync(h.rt.builds[0]?.secretPath ?? "")).toBe(false);
    expect(readdirSync(h.tmp)).toEqual([]);
  });

  it("reports a failed build (exit 7) when the tokens are still good", async () => {
    const h = harness({
      ...twoHubs,
      refresh: { [offline]: refreshed() },
      runtimes: {
        probes: { buildah: BUILDAH },
        build: async () => ({ kind: "exit", code: 125, signal: null }),
      },
    });
    const f = await failure(runEe(["build"], h.deps));
    expect([f.code, f.exit]).toEqual(["EE_RUNTIME", EXIT.BUILD]);
    expect(f.message).toBe("the build failed: buildah exited with 125 (its output is above)");
    expect(h.checks.calls.map((c) => c.op)).toEqual(["refresh", "refresh"]);
  });

  it("stops the build on Ctrl-C/SIGTERM and deletes the secret before returning 130", async () => {
    const h = harness({
      ...twoHubs,
      refresh: { [offline]: refreshed() },
      runtimes: {
        probes: { buildah: BUILDAH },
        build: (seen, signal) =>
          new Promise((resolve) => {
            expect(existsSync(seen.secretPath)).toBe(true);
            signal.addEventListener("abort", () => resolve({ kind: "exit", code: null, signal: "SIGTERM" }));
            setTimeout(() => h.controller.abort("SIGTERM"), 5);
          }),
      },
    });
    expect(await runEe(["build"], h.deps)).toBe(EXIT.CANCELLED);
    expect(h.io.err()).toContain("stopped; the build was interrupted and its temporary secret deleted");
    expect(readdirSync(h.tmp)).toEqual([]);
    expect(h.rt.exported).toEqual([]);
  });

  it("fails (exit 8) when a token is found in the image, naming where, redacted", async () => {
    const h = harness({
      ...twoHubs,
      refresh: { [offline]: refreshed() },
      findings: [
        { blob: "sha256:0123456789abcdef0123456789abcdef", kind: "layer", needle: 0 },
        {
          blob: "sha256:fedcba9876543210fedcba9876543210",
          kind: "config",
          needle: 0,
          inConfig: ["history entry 7"],
        },
      ],
    });
    const f = await failure(runEe(["build", "--tag", "x:1"], h.deps));
    expect([f.code, f.exit]).toEqual(["TOKEN_IN_BUILD", EXIT.TOKEN_IN_BUILD]);
    expect(f.message).toContain("a token is in the built image x:1:");
    expect(f.message).toMatch(/the token of rh_published \(.+\): in layer sha256:0123456789ab…/);
    expect(f.message).toMatch(/in the image config sha256:fedcba987654… \(history entry 7\)/);
    expect(f.message).not.toContain(offline);
    expect(f.hint).toContain("buildah rmi x:1");
    expect(readdirSync(h.tmp)).toEqual([]);
  });

  it("says so when the image cannot be exported for the check (exit 7)", async () => {
    const h = harness({
      ...twoHubs,
      refresh: { [offline]: refreshed() },
      runtimes: {
        probes: { buildah: BUILDAH },
        exportResult: { code: 1, stdout: "", stderr: "Error: no space left" },
      },
    });
    const f = await failure(runEe(["build"], h.deps));
    expect(f.code).toBe("EE_RUNTIME");
    expect(f.message).toContain(
      "could not export it to check it for tokens (exit 1):\n  Error: no space left",
    );
  });

  it("refuses to put a stored token in the secret when ansible.cfg points it away from where it was verified (exit 5)", async () => {
    const h = harness({
      ...twoHubs,
      bindings: {
        rh_published: { hub: "https://console.example.test", auth: "https://sso.example.test" },
        pah_rh_certified: { hub: "https://elsewhere.example.test" },
      },
      refresh: { [offline]: refreshed() },
    });
    const f = await failure(runEe(["build"], h.deps));
    expect([f.code, f.exit]).toEqual(["CONFIG_PARSE", EXIT.CONFIG]);
    expect(f.message).toContain("pah_rh_certified: ");
    expect(f.message).toContain("--allow-new-origin");
    expect(f.message).not.toContain("rh_published: ");
    expect(h.rt.builds).toEqual([]);
    expect(readdirSync(h.tmp)).toEqual([]);
    expect(h.io.out() + h.io.err()).not.toContain(hub);
  });

  it("with --allow-new-origin, sends a stored token where its server moved and binds it there at once", async () => {
    const moved = { pah_rh_certified: { hub: "https://elsewhere.example.test" } };
    const h = harness({ ...twoHubs, bindings: moved, refresh: { [offline]: refreshed() } });
    const store = memoryStore(twoHubs.store, moved);
    h.deps.openStore = async () => store;
    expect(await runEe(["build", "--allow-new-origin"], h.deps)).toBe(EXIT.OK);
    expect(h.rt.builds[0]?.secretText).toContain(`ANSIBLE_GALAXY_SERVER_PAH_RH_CERTIFIED_TOKEN='${hub}'`);
    expect(store.bound.get("pah_rh_certified")).toEqual({ hub: "https://hub.example.test" });
    expect(h.io.err()).toContain(
      "hub-setup ee build: pah_rh_certified: the stored token is now bound to the origins the ansible.cfg read here names",
    );
    const s = harness({ ...twoHubs, bindings: moved, refresh: { [offline]: refreshed() } });
    const file = join(s.root, "galaxy.env");
    expect(await runEe(["secret", "--out", file, "--allow-new-origin"], s.deps)).toBe(EXIT.OK);
    expect(readFileSync(file, "utf8")).toContain(`ANSIBLE_GALAXY_SERVER_PAH_RH_CERTIFIED_TOKEN='${hub}'`);
    expect(h.io.out() + h.io.err() + s.io.out() + s.io.err()).not.toContain(hub);
  });

  it("refuses a hub server with no token before any build, naming the login command (exit 5); galaxy.ansible.com needs none", async () => {
    const h = harness({ ...twoHubs, store: { rh_published: offline }, refresh: { [offline]: refreshed() } });
    const f = await failure(runEe(["build"], h.deps));
    expect([f.code, f.exit]).toEqual(["CONFIG_PARSE", EXIT.CONFIG]);
    expect(f.message).toContain("pah_rh_certified: has no token");
    expect(f.message).toContain("`hub-setup login --server pah_rh_certified`");
    expect(f.message).not.toContain("rh_published: ");
    expect(h.rt.probed.length > 0 && h.rt.builds.length === 0).toBe(true);
    expect(h.checks.calls).toEqual([]);
    expect(readdirSync(h.tmp)).toEqual([]);
    const file = join(h.root, "galaxy.env");
    const g = await failure(runEe(["secret", "--out", file], h.deps));
    expect([g.code, g.exit]).toEqual(["CONFIG_PARSE", EXIT.CONFIG]);
    expect(g.message).toContain("`hub-setup login --server pah_rh_certified`");
    expect(existsSync(file)).toBe(false);
    const galaxy = harness({
      servers: [server("release_galaxy", { url: "https://galaxy.ansible.com/api/" })],
    });
    expect(await runEe(["secret", "--out", file], galaxy.deps)).toBe(EXIT.OK);
    expect(readFileSync(file, "utf8")).toContain("ANSIBLE_GALAXY_SERVER_RELEASE_GALAXY_URL=");
  });

  it("refuses servers it cannot pass as a secret, and a place with none", async () => {
    const basic = harness({ servers: [server("pah", { url: PRIVATE, username: "admin", password: "pw" })] });
    const f = await failure(runEe(["build"], basic.deps));
    expect([f.code, f.exit]).toEqual(["CONFIG_PARSE", EXIT.CONFIG]);
    expect(f.message).toContain("pah: uses a user name and password; ee passes tokens only");
    const none = harness({ servers: [] });
    const g = await failure(runEe(["build"], none.deps));
    expect(g.code).toBe("CONFIG_NOT_FOUND");
    expect(basic.rt.builds).toEqual([]);
  });

  it("rejects bad flags as usage errors", async () => {
    const h = harness(twoHubs);
    expect((await failure(runEe(["build", "--runtime", "kaniko"], h.deps))).message).toContain(
      "--runtime must be one of buildah, podman, docker",
    );
    expect((await failure(runEe(["build", "--tag", "has space"], h.deps))).exit).toBe(EXIT.USAGE);
    expect((await failure(runEe(["frobnicate"], h.deps))).message).toContain("unknown subcommand");
    expect(await runEe([], h.deps)).toBe(EXIT.OK);
    expect(h.io.out()).toContain("Usage: hub-setup ee <build|prepare|secret>");
  });
});

describe("ee prepare", () => {
  it("writes the rewritten copy beside the context and prints the secret recipe and build commands", async () => {
    const h = harness(twoHubs);
    const before = snapshotTree(h.context);
    expect(await runEe(["prepare"], h.deps)).toBe(EXIT.OK);
    const out = `${h.context}.hub-setup`;
    const original = readFileSync(join(h.context, "Containerfile"), "utf8");
    expect(readFileSync(join(out, "Containerfile"), "utf8")).toBe(
      rewriteForBuildSecret(original, { secretId: DEFAULT_BUILD_SECRET_ID }),
    );
    expect(readFileSync(join(out, "_build/requirements.yml"), "utf8")).toBe(
      readFileSync(join(h.context, "_build/requirements.yml"), "utf8"),
    );
    expect(snapshotTree(h.context)).toEqual(before);
    const text = h.io.out();
    expect(text).toContain('secret=$(mktemp) && hub-setup ee secret --out "$secret"');
    expect(text).toContain(
      `podman build --secret id=hub-setup-galaxy,src="$secret" -f ${out}/Containerfile -t ansible-execution-env:latest ${out}`,
    );
    expect(text).toContain("buildah bud --secret");
    expect(text).toContain("docker buildx build --load --secret");
    expect(text).toContain('rm -f "$secret"');
    expect(h.checks.calls).toEqual([]);
  });

  it("refuses an --out that exists or sits inside the context, and a context with a token", async () => {
    const h = harness(twoHubs);
    expect(await runEe(["prepare", "--runtime", "podman"], h.deps)).toBe(EXIT.OK);
    expect(h.io.out()).not.toContain("buildah bud");
    expect((await failure(runEe(["prepare"], h.deps))).message).toContain("already exists");
    expect((await failure(runEe(["prepare", "--out", "context/x"], h.deps))).message).toContain(
      "must be outside the context",
    );
    const bad = harness({ fixture: "ng.token-in-ansible-cfg" });
    expect((await failure(runEe(["prepare"], bad.deps))).code).toBe("TOKEN_IN_BUILD");
    expect(existsSync(`${bad.context}.hub-setup`)).toBe(false);
  });
});

describe("ee secret", () => {
  it("writes the secret 0600 after refreshing offline tokens, and never prints it", async () => {
    const h = harness({ ...twoHubs, refresh: { [offline]: refreshed() } });
    const file = join(h.root, "galaxy.env");
    expect(await runEe(["secret", "--out", file], h.deps)).toBe(EXIT.OK);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain(
      `ANSIBLE_GALAXY_SERVER_LIST='rh_published,pah_rh_certified'`,
    );
    expect(h.checks.calls.map((c) => c.op)).toEqual(["refresh"]);
    expect(h.io.out()).not.toContain(hub);
    expect((await failure(runEe(["secret"], h.deps))).message).toContain("--out FILE is required");
  });
});
