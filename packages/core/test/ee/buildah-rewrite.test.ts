import { createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ansibleBaseImage,
  requireTool,
  runChecked,
  runCommand,
  scanOciArchive,
  tempDir,
  type EeBaseImage,
} from "@hub-setup/test-utils";
import {
  analyzeContainerfile,
  DEFAULT_BUILD_SECRET_ID,
  renderSecretEnvFile,
  rewriteForBuildSecret,
} from "../../src/ee/index.js";

// The rewrite in a real buildah build: an ansible-builder-3.1-shaped context (its galaxy stage exactly
// as generated, scripts replaced by a stub that runs on Debian), a collection installed from a local
// tarball so no hub is needed. A user step in the galaxy stage checks that the secret's values reached
// ansible-core. The hub end to end (sandbox on 127.0.0.1) is the CLI's test.
const ready = ["buildah", "mmdebstrap", "ansible-galaxy"].every(
  (tool) => requireTool(tool, "apt-get install buildah mmdebstrap ansible-core").available,
);
const MINUTES = 60_000;

let base: EeBaseImage;
const images: string[] = [];

function contextWith(token: string): string {
  const sha = createHash("sha256").update(token).digest("hex");
  const dir = tempDir("hub-setup-ee-rewrite-");
  const build = join(dir, "_build");
  mkdirSync(join(build, "scripts"), { recursive: true });
  writeFileSync(join(build, "scripts", "check_galaxy"), "#!/bin/sh\ncommand -v ansible-galaxy > /dev/null\n");
  chmodSync(join(build, "scripts", "check_galaxy"), 0o755);
  writeFileSync(
    join(build, "requirements.yml"),
    "collections:\n- name: /build/hubsetup-eetest-1.0.0.tar.gz\n  type: file\n",
  );
  const check = [
    "RUN ansible-galaxy collection install --help > /dev/null",
    `test "$(printf %s "$ANSIBLE_GALAXY_SERVER_HUB_TOKEN" | sha256sum | cut -d' ' -f1)" = "${sha}"`,
    "ansible-config dump --only-changed | grep -q 'GALAXY_SERVER_LIST(env: ANSIBLE_GALAXY_SERVER_LIST)'",
  ].join(" && ");
  const containerfile = `ARG EE_BASE_IMAGE="${base.image}"
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

${check}
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
  writeFileSync(join(dir, "Containerfile"), containerfile);
  return dir;
}

async function buildCollection(into: string): Promise<void> {
  const work = tempDir("hub-setup-ee-coll-");
  await runChecked("ansible-galaxy", ["collection", "init", "hubsetup.eetest", "--init-path", work]);
  await runChecked("ansible-galaxy", [
    "collection",
    "build",
    join(work, "hubsetup", "eetest"),
    "--output-path",
    into,
  ]);
}

describe.skipIf(!ready)("the rewritten context in a real buildah build", () => {
  beforeAll(async () => {
    base = await ansibleBaseImage();
  }, 20 * MINUTES);

  afterAll(async () => {
    if (images.length > 0) await runCommand("buildah", ["rmi", "-f", ...images], { env: base.env });
  }, 5 * MINUTES);

  it(
    "gives ansible-galaxy the servers from the secret, installs the collection, and leaves the token in no blob",
    async () => {
      const token = `eetest-${randomBytes(24).toString("hex")}`;
      const context = contextWith(token);
      await buildCollection(join(context, "_build"));
      const original = readFileSync(join(context, "Containerfile"), "utf8");
      const analysis = analyzeContainerfile(original);
      expect(analysis.ok && analysis.family).toBe("ansible-builder-3.1");
      expect(analysis.ok && analysis.installSteps.map((s) => s.kind)).toEqual([
        "other",
        "role",
        "collection",
      ]);

      const secret = join(tempDir("hub-setup-ee-secret-"), "galaxy.env");
      writeFileSync(secret, renderSecretEnvFile([{ id: "hub", url: "http://127.0.0.1:9/api/", token }]), {
        mode: 0o600,
      });
      const secretArg = `id=${DEFAULT_BUILD_SECRET_ID},src=${secret}`;
      const tag = `localhost/hub-setup-ee-rewrite-${randomBytes(4).toString("hex")}`;
      images.push(tag);

      // Control: the context as ansible-builder wrote it gets no credentials, even with --secret.
      const plain = await runCommand(
        "buildah",
        ["bud", "--no-cache", "--secret", secretArg, "-t", tag, context],
        {
          env: base.env,
        },
      );
      expect(plain.code).not.toBe(0);
      expect(plain.stderr).toContain(
        'building at STEP "RUN ansible-galaxy collection install --help > /dev/null && test',
      );

      writeFileSync(
        join(context, "Containerfile"),
        rewriteForBuildSecret(original, { secretId: DEFAULT_BUILD_SECRET_ID, serverIds: ["hub"] }),
      );
      await runChecked("buildah", ["bud", "--no-cache", "--secret", secretArg, "-t", tag, context], {
        env: base.env,
      });

      const archive = join(tempDir("hub-setup-ee-oci-"), "image.tar");
      await runChecked("buildah", ["push", "--disable-compression", tag, `oci-archive:${archive}`], {
        env: base.env,
      });
      const findings = await scanOciArchive(archive, [token, "ansible_collections/hubsetup/eetest/"]);
      expect(findings.map((f) => [f.kind, f.needle])).toEqual([["layer", 1]]);
      const inspect = await runChecked("buildah", ["inspect", "--type", "image", tag], { env: base.env });
      expect(inspect.stdout).not.toContain(token);
    },
    15 * MINUTES,
  );
});
