/**
 * `hub-setup ee build` end to end, with Debian's real buildah (chroot isolation and the vfs driver,
 * set in the environment as a user's machine would have them), the built CLI, and the sandbox on
 * 127.0.0.1 as Red Hat's hub (offline token through its SSO) and a private hub (API token).
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_COLLECTIONS, startSandbox, type Sandbox } from "@hub-setup/sandbox";
import {
  ansibleBaseImage,
  requireTool,
  runChecked,
  runCommand,
  scanOciArchive,
  tempDir,
  type EeBaseImage,
} from "@hub-setup/test-utils";
import { EXIT } from "../src/exit-codes.js";
import { requireBuiltBin, startBin, type Finished } from "./support/built-bin.js";
import { snapshotTree } from "./support/fs-snapshot.js";
import { ansibleCfg, world, type World } from "./support/temp-world.js";

const ready = ["buildah", "mmdebstrap"].every(
  (tool) => requireTool(tool, "apt-get install buildah mmdebstrap").available,
);
const MINUTES = 60_000;
const DAY = 86_400_000;

let base: EeBaseImage;
let sandbox: Sandbox;
const images: string[] = [];

/** Served by both hubs; the requirements ask for one from each, by server name. */
const COLLECTIONS = [
  ...DEFAULT_COLLECTIONS,
  { namespace: "private", name: "lib", version: "1.0.0" },
  { namespace: "private", name: "tool", version: "1.0.0", dependencies: { "private.lib": ">=1.0.0" } },
];

/**
 * An ansible-builder 3.1 context as `ansible-builder create` writes it (the galaxy stage exactly as
 * generated; `_build/scripts` replaced by a stub that runs on Debian). `extraBase` adds steps to the
 * base stage (a slow one, for the interrupt test).
 */
function writeContext(dir: string, extraBase: string[] = []): void {
  const scripts = join(dir, "_build", "scripts");
  mkdirSync(scripts, { recursive: true });
  writeFileSync(join(scripts, "check_galaxy"), "#!/bin/sh\ncommand -v ansible-galaxy > /dev/null\n");
  chmodSync(join(scripts, "check_galaxy"), 0o755);
  writeFileSync(
    join(dir, "_build", "requirements.yml"),
    "collections:\n- name: sandbox.app\n  source: rh_published\n- name: private.tool\n  source: pah_rh_certified\n",
  );
  writeFileSync(
    join(dir, "Containerfile"),
    `ARG EE_BASE_IMAGE="${base.image}"
ARG PYCMD="/usr/bin/python3"
ARG ANSIBLE_GALAXY_CLI_COLLECTION_OPTS=""
ARG ANSIBLE_GALAXY_CLI_ROLE_OPTS=""

# Base build stage
FROM $EE_BASE_IMAGE AS base
USER root
ENV PIP_BREAK_SYSTEM_PACKAGES=1
ARG EE_BASE_IMAGE
ARG PYCMD
ARG ANSIBLE_GALAXY_CLI_COLLECTION_OPTS
ARG ANSIBLE_GALAXY_CLI_ROLE_OPTS

COPY _build/scripts/ /output/scripts/
${extraBase.join("\n")}

# Galaxy build stage
FROM base AS galaxy
ARG EE_BASE_IMAGE
ARG PYCMD
ARG ANSIBLE_GALAXY_CLI_COLLECTION_OPTS
ARG ANSIBLE_GALAXY_CLI_ROLE_OPTS

RUN /output/scripts/check_galaxy
COPY _build /build
WORKDIR /build

RUN mkdir -p /usr/share/ansible
RUN ansible-galaxy role install $ANSIBLE_GALAXY_CLI_ROLE_OPTS -r requirements.yml --roles-path "/usr/share/ansible/roles"
RUN ANSIBLE_GALAXY_DISABLE_GPG_VERIFY=1 ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml --collections-path "/usr/share/ansible/collections"

# Final build stage
FROM base AS final
ENV PIP_BREAK_SYSTEM_PACKAGES=1
COPY --from=galaxy /usr/share/ansible /usr/share/ansible
RUN rm -rf /output
LABEL ansible-execution-environment=true
`,
  );
}

type Setup = { w: World; context: string; tmp: string; offline: string; hub: string; tag: string };

/** A HOME with hub-setup's file store and a project ansible.cfg for both hubs; TMPDIR of its own. */
async function setup(extraBase: string[] = []): Promise<Setup> {
  const tmp = tempDir("hub-setup-ee-tmp-");
  const w = world({
    BUILDAH_ISOLATION: base.env["BUILDAH_ISOLATION"] ?? "chroot",
    CONTAINERS_STORAGE_CONF: base.env["CONTAINERS_STORAGE_CONF"] ?? "",
    TMPDIR: tmp,
  });
  w.writeConfig(
    ansibleCfg([
      { id: "rh_published", url: sandbox.urls.cloud.published, authUrl: sandbox.urls.tokenEndpoint },
      { id: "pah_rh_certified", url: sandbox.urls.private["rh-certified"] },
    ]),
  );
  const offline = sandbox.sso.mintOfflineToken();
  const hub = sandbox.tokens.hub;
  await w.storeToken("rh_published", offline);
  await w.storeToken("pah_rh_certified", hub);
  const context = join(w.project, "context");
  writeContext(context, extraBase);
  const tag = `localhost/hub-setup-ee-e2e-${randomBytes(4).toString("hex")}`;
  images.push(tag);
  return { w, context, tmp, offline, hub, tag };
}

function ee(s: Setup, args: string[]) {
  return startBin(["ee", ...args], { env: s.w.env, cwd: s.w.project, deadlineMs: 20 * MINUTES });
}

/** Every file under `dir` whose bytes hold one of the secrets. */
function filesHolding(dir: string, secrets: string[]): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (statSync(path).size > 64 * 1024 * 1024) continue;
    const bytes = readFileSync(path);
    if (secrets.some((s) => bytes.includes(s))) hits.push(path);
  }
  return hits;
}

function ourTempFolders(tmp: string): string[] {
  return readdirSync(tmp).filter((name) => name.startsWith("hub-setup-ee-"));
}

function expectNoSecretPrinted(run: Finished, s: Setup): void {
  for (const secret of [s.offline, s.hub]) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

describe.skipIf(!ready)("hub-setup ee build with real buildah and the sandbox", () => {
  beforeAll(async () => {
    requireBuiltBin();
    base = await ansibleBaseImage();
    sandbox = await startSandbox({ collections: COLLECTIONS });
  }, 20 * MINUTES);

  afterAll(async () => {
    await sandbox?.close();
    if (images.length > 0) await runCommand("buildah", ["rmi", "-f", ...images], { env: base.env });
  }, 5 * MINUTES);

  it(
    "installs each hub's collection and its dependency, and leaves no token in the image, the context or the temp folder",
    async () => {
      const s = await setup();
      // buildah's settings are made outside hub-setup, as on a user's machine: chroot isolation and a
      // storage.conf naming the vfs driver, in the environment hub-setup is started with.
      expect(s.w.env["BUILDAH_ISOLATION"]).toBe("chroot");
      expect(readFileSync(s.w.env["CONTAINERS_STORAGE_CONF"] ?? "", "utf8")).toMatch(/^driver = "vfs"$/m);
      const before = snapshotTree(s.context);
      sandbox.log.clear();
      const run = await ee(s, ["build", "--tag", s.tag]).done;
      expect(run.stderr).toContain("ansible-galaxy step(s) read rh_published, pah_rh_certified");
      expect([run.code, run.stdout]).toEqual([
        EXIT.OK,
        expect.stringMatching(
          /^built \S+; verified: no token in the image's config, history or \d+ layers\n$/,
        ),
      ]);
      expectNoSecretPrinted(run, s);

      // Each collection came from its own hub, with credentials (the sandbox refuses anonymous requests).
      const downloads = sandbox.log
        .entries()
        .filter((e) => e.path.includes("/artifacts/") && e.status === 200)
        .map(
          (e) =>
            `${e.path.includes("/api/automation-hub/") ? "cloud" : "private"} ${e.path.split("/").at(-1)} ${e.credential}`,
        );
      expect(downloads).toContain("cloud sandbox-app-1.0.0.tar.gz bearer");
      expect(downloads).toContain("private private-tool-1.0.0.tar.gz token");
      expect(downloads.some((d) => d.includes("sandbox-demo-"))).toBe(true);
      expect(downloads.some((d) => d.includes("private-lib-1.0.0"))).toBe(true);

      // The image, exported independently: the four collections in a layer, no token anywhere.
      const archive = join(tempDir("hub-setup-ee-e2e-oci-"), "image.tar");
      await runChecked("buildah", ["push", "--disable-compression", s.tag, `oci-archive:${archive}`], {
        env: base.env,
      });
      const needles = [
        s.offline,
        s.hub,
        ...s.offline.split(".").slice(1),
        "ansible_collections/sandbox/app/MANIFEST.json",
        "ansible_collections/sandbox/demo/MANIFEST.json",
        "ansible_collections/private/tool/MANIFEST.json",
        "ansible_collections/private/lib/MANIFEST.json",
      ];
      const findings = await scanOciArchive(archive, needles);
      expect(findings.filter((f) => f.needle < 4)).toEqual([]);
      expect(new Set(findings.filter((f) => f.kind === "layer").map((f) => f.needle))).toEqual(
        new Set([4, 5, 6, 7]),
      );
      // Found in the store CONTAINERS_STORAGE_CONF names: hub-setup built with the user's settings.
      const inspect = await runChecked("buildah", ["inspect", "--type", "image", s.tag], { env: base.env });
      // The final stage's history (the galaxy stage's steps stay in the builder, not in the image).
      expect(inspect.stdout).toContain("in /usr/share/ansible");
      for (const secret of needles.slice(0, 4)) expect(inspect.stdout).not.toContain(secret);

      // The user's context is byte for byte as it was; nothing of ours is left in TMPDIR, and no token.
      expect(snapshotTree(s.context)).toBe(before);
      expect(ourTempFolders(s.tmp)).toEqual([]);
      expect(filesHolding(s.tmp, [s.offline, s.hub])).toEqual([]);
      expect(filesHolding(s.w.project, [s.offline, s.hub])).toEqual([]);
    },
    20 * MINUTES,
  );

  it(
    "stops with a plain message (exit 3) when the offline token is revoked during the build, leaving no secret behind",
    async () => {
      const s = await setup();
      const endpoint = new URL(sandbox.urls.tokenEndpoint).pathname;
      sandbox.log.clear();
      const { done } = ee(s, ["build", "--tag", s.tag]);
      // hub-setup's own refresh comes first; revoke right after it, while the build is still starting.
      let revoked = false;
      const watcher = setInterval(() => {
        if (!revoked && sandbox.log.entries().some((e) => e.path.startsWith(endpoint) && e.status === 200)) {
          sandbox.sso.revoke(s.offline);
          revoked = true;
        }
      }, 10);
      const run = await done.finally(() => clearInterval(watcher));
      expect(revoked).toBe(true);
      expect(run.code).toBe(EXIT.AUTH);
      expect(run.stderr).toMatch(
        /hub-setup: the build failed: the offline token of rh_published \(.+\) was refused by .+: .*Offline user session not found/,
      );
      expect(run.stderr).toContain("Load a new offline token");
      expect(run.stdout).toBe("");
      expectNoSecretPrinted(run, s);
      expect(ourTempFolders(s.tmp)).toEqual([]);
      expect(filesHolding(s.tmp, [s.offline, s.hub])).toEqual([]);
    },
    20 * MINUTES,
  );

  it(
    "stops with a plain message (exit 3) when the offline token expires during the build, leaving no secret behind",
    async () => {
      const s = await setup();
      const endpoint = new URL(sandbox.urls.tokenEndpoint).pathname;
      sandbox.log.clear();
      const { done } = ee(s, ["build", "--tag", s.tag]);
      // Right after hub-setup's own refresh, 30 idle days and 5 minutes pass on the SSO's clock: the
      // offline session times out before the install step reaches the SSO.
      const later = 30 * DAY + 5 * 60_000;
      let expired = false;
      const watcher = setInterval(() => {
        if (!expired && sandbox.log.entries().some((e) => e.path.startsWith(endpoint) && e.status === 200)) {
          sandbox.clock.advance(later);
          expired = true;
        }
      }, 10);
      const run = await done.finally(() => {
        clearInterval(watcher);
        if (expired) sandbox.clock.advance(-later);
      });
      expect(expired).toBe(true);
      // The install step inside the build met the expired session (a refusal after the first refresh),
      // then hub-setup asked again to name the cause.
      const grants = sandbox.log
        .entries()
        .filter((e) => e.path.startsWith(endpoint))
        .map((e) => e.status);
      expect(grants[0]).toBe(200);
      expect(grants.slice(1).filter((status) => status === 400).length).toBeGreaterThanOrEqual(2);
      expect(run.code).toBe(EXIT.AUTH);
      expect(run.stderr).toMatch(
        /hub-setup: the build failed: the offline token of rh_published \(.+\) was refused by .+: .*30 days/,
      );
      expect(run.stderr).toContain("Load a new offline token");
      expect(run.stdout).toBe("");
      expectNoSecretPrinted(run, s);
      expect(ourTempFolders(s.tmp)).toEqual([]);
      expect(filesHolding(s.tmp, [s.offline, s.hub])).toEqual([]);
    },
    20 * MINUTES,
  );

  it(
    "deletes the secret when killed with SIGTERM midway through the build, and exits 130",
    async () => {
      const s = await setup(["RUN sleep 120"]);
      const { child, done } = ee(s, ["build", "--tag", s.tag]);
      // Wait for the secret to exist (the build has started), then stop hub-setup as a CI runner would.
      const secretSeen = await new Promise<string>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const folder = ourTempFolders(s.tmp)[0];
          if (folder !== undefined && existsSync(join(s.tmp, folder, "galaxy.env"))) {
            clearInterval(poll);
            resolve(join(s.tmp, folder, "galaxy.env"));
          } else if (Date.now() - started > 5 * MINUTES) {
            clearInterval(poll);
            reject(new Error("the build never wrote its secret"));
          }
        }, 20);
      });
      expect(statSync(secretSeen).mode & 0o777).toBe(0o600);
      await new Promise((r) => setTimeout(r, 3000));
      child.kill("SIGTERM");
      const run = await done;
      expect(run.code).toBe(EXIT.CANCELLED);
      expect(run.stderr).toContain("stopped; the build was interrupted and its temporary secret deleted");
      expect(existsSync(secretSeen)).toBe(false);
      expect(ourTempFolders(s.tmp)).toEqual([]);
      expectNoSecretPrinted(run, s);
    },
    20 * MINUTES,
  );

  it("refuses a context that carries a token before any build (exit 8)", async () => {
    const s = await setup();
    mkdirSync(join(s.context, "_build", "configs"));
    writeFileSync(
      join(s.context, "_build", "configs", "ansible.cfg"),
      `[galaxy_server.x]\ntoken = ${s.hub}\n`,
    );
    const run = await ee(s, ["build", "--tag", s.tag]).done;
    expect(run.code).toBe(EXIT.TOKEN_IN_BUILD);
    expect(run.stderr).toContain("the build context carries a token");
    expect(run.stderr).toContain("_build/configs/ansible.cfg:2: token = ");
    expectNoSecretPrinted(run, s);
    expect(readdirSync(s.tmp)).toEqual([]);
    expect(
      (await runCommand("buildah", ["inspect", "--type", "image", s.tag], { env: base.env })).code,
    ).not.toBe(0);
  });
});
