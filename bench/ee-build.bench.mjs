// EE build time with and without hub-setup's rewrite: the same ansible-builder-3.1-shaped context, the
// same collections from the same local hubs (the sandbox on 127.0.0.1), the same machine and buildah
// store, runs interleaved. Baseline: the context as ansible-builder writes it, credentials given the
// documented (leaky) way: `ARG ANSIBLE_GALAXY_SERVER_*` in the galaxy stage + `--build-arg`. Subjects:
// `hub-setup ee build` as a user runs it (offline token refresh, copy, build with --secret, export and
// scan of every blob), and, informative, the rewritten copy built directly with `buildah bud --secret`
// (the rewrite's own cost). Needs buildah and the base image the EE tests cache under the temp folder
// (`npx vitest run packages/core/test/ee` makes it); skips with the reason otherwise.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { rewriteForBuildSecret, renderSecretEnvFile } from "../packages/core/dist/index.js";
import { openSecretStore } from "../packages/core/dist/node/index.js";
import { startSandbox } from "../packages/sandbox/dist/index.js";
import { median, report } from "./lib.mjs";

const RUNS = Number(process.env.EE_BENCH_RUNS ?? 3);
const STORE = join(tmpdir(), "hub-setup-ee-bookworm-ansible-core-v1");
const IMAGE = "localhost/hub-setup-ee-base:bookworm-ansible-core-v1";
const BIN = fileURLToPath(new URL("../apps/hub-setup/bin/hub-setup.mjs", import.meta.url));

const buildah = spawnSync("sh", ["-c", "command -v buildah"]).status === 0;
if (!buildah || !existsSync(join(STORE, "ready"))) {
  console.log(
    `ee-build: skipped: ${!buildah ? "buildah is not installed" : `no cached base image in ${STORE} (run npx vitest run packages/core/test/ee first)`}`,
  );
} else {
  await bench();
}

function run(cmd, args, env, cwd) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env, cwd, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d) => (err = (err + d).slice(-4000)));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${cmd} ${args[0]} exited ${code}: ${err}`)),
    );
  });
}

function containerfile(galaxyArgs) {
  return `ARG EE_BASE_IMAGE="${IMAGE}"
ARG ANSIBLE_GALAXY_CLI_COLLECTION_OPTS=""
ARG ANSIBLE_GALAXY_CLI_ROLE_OPTS=""

# Base build stage
FROM $EE_BASE_IMAGE AS base
USER root
ARG ANSIBLE_GALAXY_CLI_COLLECTION_OPTS
ARG ANSIBLE_GALAXY_CLI_ROLE_OPTS

COPY _build/scripts/ /output/scripts/

# Galaxy build stage
FROM base AS galaxy
ARG ANSIBLE_GALAXY_CLI_COLLECTION_OPTS
ARG ANSIBLE_GALAXY_CLI_ROLE_OPTS
${galaxyArgs.map((name) => `ARG ${name}`).join("\n")}
RUN /output/scripts/check_galaxy
COPY _build /build
WORKDIR /build

RUN mkdir -p /usr/share/ansible
RUN ansible-galaxy role install $ANSIBLE_GALAXY_CLI_ROLE_OPTS -r requirements.yml --roles-path "/usr/share/ansible/roles"
RUN ANSIBLE_GALAXY_DISABLE_GPG_VERIFY=1 ansible-galaxy collection install $ANSIBLE_GALAXY_CLI_COLLECTION_OPTS -r requirements.yml --collections-path "/usr/share/ansible/collections"

# Final build stage
FROM base AS final
COPY --from=galaxy /usr/share/ansible /usr/share/ansible
RUN rm -rf /output
`;
}

function writeContext(dir, galaxyArgs) {
  mkdirSync(join(dir, "_build", "scripts"), { recursive: true });
  writeFileSync(
    join(dir, "_build", "scripts", "check_galaxy"),
    "#!/bin/sh\ncommand -v ansible-galaxy > /dev/null\n",
  );
  chmodSync(join(dir, "_build", "scripts", "check_galaxy"), 0o755);
  writeFileSync(
    join(dir, "_build", "requirements.yml"),
    "collections:\n- name: sandbox.app\n  source: rh_published\n- name: sandbox.demo\n  source: pah_rh_certified\n",
  );
  writeFileSync(join(dir, "Containerfile"), containerfile(galaxyArgs));
}

async function bench() {
  const sandbox = await startSandbox();
  const root = mkdtempSync(join(tmpdir(), "hub-setup-ee-bench-"));
  const images = [];
  try {
    const home = join(root, "home");
    const project = join(root, "project");
    const tmp = join(root, "tmp");
    mkdirSync(join(home, ".config"), { recursive: true, mode: 0o700 });
    mkdirSync(tmp, { mode: 0o700 });
    mkdirSync(project, { mode: 0o755 });
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      LANG: "C.UTF-8",
      TMPDIR: tmp,
      NO_PROXY: "127.0.0.1,localhost",
      BUILDAH_ISOLATION: "chroot",
      CONTAINERS_STORAGE_CONF: join(STORE, "storage.conf"),
    };
    const servers = [
      {
        id: "rh_published",
        url: sandbox.urls.cloud.published,
        authUrl: sandbox.urls.tokenEndpoint,
        token: sandbox.tokens.offline,
      },
      { id: "pah_rh_certified", url: sandbox.urls.private["rh-certified"], token: sandbox.tokens.hub },
    ];
    writeFileSync(
      join(project, "ansible.cfg"),
      `[galaxy]\nserver_list = rh_published, pah_rh_certified\n\n[galaxy_server.rh_published]\nurl = ${servers[0].url}\nauth_url = ${servers[0].authUrl}\n\n[galaxy_server.pah_rh_certified]\nurl = ${servers[1].url}\n`,
    );
    const store = await openSecretStore({ env, backend: "file" });
    for (const s of servers) await store.set(s.id, s.token);

    // Baseline context: the documented build-arg recipe (ARG in the galaxy stage, --build-arg values).
    const assignments = renderSecretEnvFile(servers)
      .trim()
      .split("\n")
      .map((line) => {
        const at = line.indexOf("=");
        return [line.slice(0, at), line.slice(at + 2, -1)];
      });
    const plain = join(project, "plain");
    writeContext(
      plain,
      assignments.map(([k]) => k),
    );
    const context = join(project, "context");
    writeContext(context, []);
    const rewritten = join(project, "rewritten");
    writeContext(rewritten, []);
    writeFileSync(
      join(rewritten, "Containerfile"),
      rewriteForBuildSecret(readFileSync(join(context, "Containerfile"), "utf8"), {
        secretId: "hub-setup-galaxy",
      }),
    );
    const secret = join(tmp, "bench-galaxy.env");
    writeFileSync(secret, renderSecretEnvFile(servers), { mode: 0o600 });

    const tag = () => {
      const t = `localhost/hub-setup-ee-bench-${randomBytes(4).toString("hex")}`;
      images.push(t);
      return t;
    };
    const baseline = () =>
      run(
        "buildah",
        ["bud", ...assignments.flatMap(([k, v]) => ["--build-arg", `${k}=${v}`]), "-t", tag(), plain],
        env,
      );
    const direct = () =>
      run("buildah", ["bud", "--secret", `id=hub-setup-galaxy,src=${secret}`, "-t", tag(), rewritten], env);
    const hubSetup = () =>
      run(process.execPath, [BIN, "ee", "build", "--context", context, "--tag", tag()], env, project);

    const times = { baseline: [], direct: [], hubSetup: [] };
    const sides = [
      ["baseline", baseline],
      ["direct", direct],
      ["hubSetup", hubSetup],
    ];
    for (let i = 0; i < RUNS; i++) {
      // Each side goes first in turn: the first build of a round (after the store was pruned) and
      // other work on the machine must not weigh on one side only.
      for (let k = 0; k < sides.length; k++) {
        const [side, build] = sides[(i + k) % sides.length];
        times[side].push(await build());
      }
      // Keep the vfs store small between rounds: every image is a full copy of the base here.
      await run("buildah", ["rmi", "-f", ...images.splice(0)], env);
    }
    const seconds = (list) => list.map((ms) => (ms / 1000).toFixed(0)).join(", ");
    console.log(
      `ee build: each run in s: baseline ${seconds(times.baseline)}; rewrite ${seconds(times.direct)}; hub-setup ${seconds(times.hubSetup)}`,
    );
    report({
      name: "ee build: rewritten context, buildah bud --secret (the rewrite alone)",
      baselineMs: median(times.baseline),
      subjectMs: median(times.direct),
      runs: RUNS,
      aim: 1.1,
    });
    report({
      name: "ee build: hub-setup ee build (refresh, copy, build, export + scan of every blob)",
      baselineMs: median(times.baseline),
      subjectMs: median(times.hubSetup),
      runs: RUNS,
    });
  } finally {
    if (images.length > 0)
      await run("buildah", ["rmi", "-f", ...images], {
        PATH: process.env.PATH,
        BUILDAH_ISOLATION: "chroot",
        CONTAINERS_STORAGE_CONF: join(STORE, "storage.conf"),
      }).catch(() => undefined);
    await sandbox.close();
    rmSync(root, { recursive: true, force: true });
  }
}
