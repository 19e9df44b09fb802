import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ansibleBaseImage,
  ociBlobKinds,
  requireTool,
  runChecked,
  runCommand,
  scanOciArchive,
  tempDir,
  type EeBaseImage,
} from "../src/index.js";

// Real buildah (chroot isolation, vfs storage, both set only in the children's environment) on a
// Debian base image holding ansible-core. Proves what the `hub-setup ee build` tests will rely on: a
// build secret reaches its RUN and no layer, config or history; the scan that says so can find a
// secret when there is one; a RUN reaches a server on 127.0.0.1.
const buildah = requireTool("buildah", "apt-get install buildah");
const mmdebstrap = requireTool("mmdebstrap", "apt-get install mmdebstrap");
const ready = buildah.available && mmdebstrap.available;
const MINUTES = 60_000;

let base: EeBaseImage;
const images: string[] = [];

async function build(
  containerfile: string,
  args: string[] = [],
): Promise<{ tag: string; output: string; ms: number }> {
  const dir = tempDir("hub-setup-ee-ctx-");
  writeFileSync(join(dir, "Containerfile"), containerfile.replaceAll("$BASE", base.image));
  const tag = `localhost/hub-setup-smoke-${randomBytes(4).toString("hex")}`;
  images.push(tag);
  const run = await runChecked(
    "buildah",
    ["bud", "--no-cache", ...args, "-t", tag, "-f", join(dir, "Containerfile"), dir],
    {
      env: base.env,
    },
  );
  return { tag, output: run.stdout + run.stderr, ms: run.ms };
}

/** `buildah push` to an OCI archive; gzipped layers as a registry would get them, or plain (faster). */
async function exportImage(tag: string, compress = false): Promise<string> {
  const archive = join(tempDir("hub-setup-ee-oci-"), "image.tar");
  const flags = compress ? [] : ["--disable-compression"];
  await runChecked("buildah", ["push", ...flags, tag, `oci-archive:${archive}`], { env: base.env });
  return archive;
}

function secretFile(value: string): string {
  const file = join(tempDir("hub-setup-ee-secret-"), "secret");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return file;
}

describe.skipIf(!ready)("real buildah build secrets", () => {
  beforeAll(async () => {
    base = await ansibleBaseImage();
    console.info(
      `[ee] base image ${base.image}: ${base.builtNow ? `built in ${base.seconds.toFixed(1)} s` : "cached"}`,
    );
  }, 20 * MINUTES);

  afterAll(async () => {
    if (images.length > 0) await runCommand("buildah", ["rmi", "-f", ...images], { env: base.env });
  }, 5 * MINUTES);

  it(
    "a secret mounted into one RUN reaches it and is in no layer, config, history or inspect output",
    async () => {
      const secret = `smoke-${randomBytes(16).toString("hex")}`;
      const { tag, output, ms } = await build(
        "FROM $BASE\nRUN --mount=type=secret,id=s,required=true cat /run/secrets/s > /dev/null && ansible-galaxy --version\n",
        ["--secret", `id=s,src=${secretFile(secret)}`],
      );
      console.info(`[ee] smoke build: ${(ms / 1000).toFixed(1)} s`);
      expect(output).toMatch(/ansible-galaxy \[core 2\.\d+/);
      const archive = await exportImage(tag);
      const counts = await ociBlobKinds(archive);
      expect(counts.layer, "the scan sees the base layer and the RUN layer").toBeGreaterThanOrEqual(2);
      expect(await scanOciArchive(archive, [secret])).toEqual([]);
      const inspect = await runChecked("buildah", ["inspect", "--type", "image", tag], { env: base.env });
      expect(inspect.stdout).toContain("/run/secrets/s");
      expect(inspect.stdout).not.toContain(secret);
    },
    10 * MINUTES,
  );

  it(
    "negative control: a secret copied into the image is found, in a gzipped layer",
    async () => {
      const secret = `control-${randomBytes(16).toString("hex")}`;
      const { tag } = await build(
        "FROM $BASE\nRUN --mount=type=secret,id=s,required=true cp /run/secrets/s /leaked\n",
        ["--secret", `id=s,src=${secretFile(secret)}`],
      );
      const findings = await scanOciArchive(await exportImage(tag, true), [
        secret,
        "never-in-any-image-0f3a9c",
      ]);
      expect(findings.map((f) => [f.kind, f.needle])).toEqual([["layer", 0]]);
    },
    10 * MINUTES,
  );

  it(
    "why build args are not safe: a --build-arg value used by a RUN lands in the image history",
    async () => {
      const secret = `buildarg-${randomBytes(16).toString("hex")}`;
      const { tag } = await build('FROM $BASE\nARG TOKEN\nRUN test -n "$TOKEN"\n', [
        "--build-arg",
        `TOKEN=${secret}`,
      ]);
      const findings = await scanOciArchive(await exportImage(tag), [secret]);
      expect(findings.map((f) => f.kind)).toContain("config");
    },
    10 * MINUTES,
  );

  it(
    "a RUN reaches a server on 127.0.0.1 (chroot isolation shares the host's network)",
    async () => {
      const body = `hello-${randomBytes(6).toString("hex")}`;
      const server = createServer((_req, res) => res.end(body));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const fetch = `python3 -c "import urllib.request; print(urllib.request.urlopen('http://127.0.0.1:${port}/').read().decode())"`;
        const { output } = await build(`FROM $BASE\nRUN ${fetch}\n`);
        expect(output).toContain(body);
      } finally {
        server.close();
      }
    },
    10 * MINUTES,
  );
});
