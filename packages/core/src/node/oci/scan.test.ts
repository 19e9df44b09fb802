import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { tempDir } from "@hub-setup/test-utils";
import { scanImageFolder } from "./scan.js";

/** A minimal OCI layout: index → manifest → config + layers, each blob stored under its digest. */
function ociLayout(
  config: object,
  layers: Buffer[],
): { dir: string; layerDigests: string[]; config: string } {
  const dir = tempDir("hub-setup-oci-scan-");
  mkdirSync(join(dir, "blobs", "sha256"), { recursive: true });
  const put = (bytes: Buffer): string => {
    const hex = createHash("sha256").update(bytes).digest("hex");
    writeFileSync(join(dir, "blobs", "sha256", hex), bytes);
    return `sha256:${hex}`;
  };
  const configDigest = put(Buffer.from(JSON.stringify(config)));
  const layerDigests = layers.map(put);
  const manifest = put(
    Buffer.from(
      JSON.stringify({
        config: { digest: configDigest },
        layers: layerDigests.map((digest) => ({ digest })),
      }),
    ),
  );
  writeFileSync(join(dir, "index.json"), JSON.stringify({ manifests: [{ digest: manifest }] }));
  writeFileSync(join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  return { dir, layerDigests, config: configDigest };
}

describe("scanImageFolder", () => {
  const token = `tok-${randomBytes(20).toString("hex")}`;

  it("finds nothing in a clean image and still counts what it read", async () => {
    const { dir } = ociLayout({ history: [{ created_by: "RUN echo hi" }] }, [gzipSync(Buffer.from("clean"))]);
    const scan = await scanImageFolder(dir, [token]);
    expect(scan.findings).toEqual([]);
    expect(scan.counts).toEqual({ index: 1, manifest: 1, config: 1, layer: 1, other: 0 });
  });

  it("finds a token in a gzipped layer even across read chunks, and names the history entry of a config", async () => {
    // 64 KiB chunks: put the token across the first chunk edge of the gunzipped stream.
    const big = Buffer.concat([
      Buffer.alloc(65_536 - 10, 0x61),
      Buffer.from(token),
      Buffer.alloc(1000, 0x62),
    ]);
    const { dir, layerDigests, config } = ociLayout(
      {
        history: [{ created_by: "RUN a" }, { created_by: `|1 TOKEN=${token} /bin/sh -c make` }],
        config: { Env: [`X=${token}`] },
      },
      [gzipSync(Buffer.from("clean")), gzipSync(big)],
    );
    const scan = await scanImageFolder(dir, ["absent-needle", token]);
    expect(scan.findings).toEqual([
      ...[
        { blob: config, kind: "config", needle: 1, inConfig: ["history entry 2", "Env"] },
        { blob: layerDigests[1], kind: "layer", needle: 1 },
      ].sort((a, b) => (a.blob ?? "").localeCompare(b.blob ?? "")),
    ]);
    expect(JSON.stringify(scan.findings)).not.toContain(token);
  });

  it("reads an unpacked docker save (manifest.json naming config and layer files)", async () => {
    const dir = tempDir("hub-setup-docker-save-");
    mkdirSync(join(dir, "abc"));
    writeFileSync(join(dir, "abc", "layer.tar"), `x${token}y`);
    writeFileSync(join(dir, "cfg.json"), "{}");
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify([{ Config: "cfg.json", Layers: ["abc/layer.tar"] }]),
    );
    const scan = await scanImageFolder(dir, [token]);
    expect(scan.findings).toEqual([{ blob: "abc/layer.tar", kind: "layer", needle: 0 }]);
    expect(scan.counts.config).toBe(1);
  });

  it("refuses an empty needle, which would match everything", async () => {
    await expect(scanImageFolder(tempDir("hub-setup-oci-empty-"), [""])).rejects.toThrow(/empty/);
  });
});
