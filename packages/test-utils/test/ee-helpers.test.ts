import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { debianMirror, requireTool, scanOciArchive, tempDir, withFileLock } from "../src/index.js";

describe("debianMirror", () => {
  it("reads deb822 and one-line sources, skipping other suites", () => {
    const deb822 = [
      "Types: deb",
      "URIs: http://mirror.example/debian-security",
      "Suites: bookworm-security",
      "",
      "Types: deb",
      "URIs: http://mirror.example/debian",
      "Suites: bookworm bookworm-updates",
      "Components: main",
    ].join("\n");
    expect(debianMirror([deb822])).toBe("http://mirror.example/debian");
    expect(
      debianMirror([
        "deb https://x/apt cloud-sdk-bookworm main\ndeb [arch=amd64] http://y/debian bookworm main",
      ]),
    ).toBe("http://y/debian");
    expect(debianMirror(["deb http://y/debian trixie main"])).toBeUndefined();
  });
});

describe("withFileLock", () => {
  it("runs holders one at a time", async () => {
    const lock = join(tempDir(), "lock");
    const events: string[] = [];
    const holder = (name: string) =>
      withFileLock(lock, async () => {
        events.push(`${name}+`);
        await new Promise((r) => setTimeout(r, 60));
        events.push(`${name}-`);
      });
    await Promise.all([holder("a"), holder("b"), holder("c")]);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i]?.replace("+", "-"));
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock left by a dead process, and releases after a failure", async () => {
    const lock = join(tempDir(), "lock");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    writeFileSync(lock, dead.stdout);
    await expect(withFileLock(lock, async () => "ran")).resolves.toBe("ran");
    await expect(
      withFileLock(lock, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(existsSync(lock)).toBe(false);
  });

  it("waits for a live holder and gives up at the timeout", async () => {
    const lock = join(tempDir(), "lock");
    writeFileSync(lock, String(process.pid));
    await expect(withFileLock(lock, async () => "never", 300)).rejects.toThrow(/timed out/);
  });
});

// A hand-made OCI layout: one gzipped layer holding `layerText`, a config holding `configText`.
function ociArchive(layerText: string, configText: string): string {
  const dir = tempDir();
  const root = join(dir, "layout");
  const blobs = join(root, "blobs", "sha256");
  mkdirSync(blobs, { recursive: true });
  const put = (data: Buffer): string => {
    const hex = createHash("sha256").update(data).digest("hex");
    writeFileSync(join(blobs, hex), data);
    return `sha256:${hex}`;
  };
  const files = join(dir, "files");
  mkdirSync(files);
  writeFileSync(join(files, "etc-file"), layerText);
  const tar = spawnSync("tar", ["-cf", "-", "-C", files, "etc-file"]);
  const layer = put(gzipSync(tar.stdout));
  const config = put(Buffer.from(JSON.stringify({ history: [{ created_by: configText }] })));
  const manifest = put(
    Buffer.from(JSON.stringify({ config: { digest: config }, layers: [{ digest: layer }] })),
  );
  writeFileSync(join(root, "index.json"), JSON.stringify({ manifests: [{ digest: manifest }] }));
  writeFileSync(join(root, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  const archive = join(dir, "image.tar");
  spawnSync("tar", ["-cf", archive, "-C", root, "."]);
  return archive;
}

describe.skipIf(!requireTool("tar", "apt-get install tar").available)("scanOciArchive", () => {
  it("finds a needle inside a gzipped layer and in the config, and reports none when absent", async () => {
    const archive = ociArchive("padding ".repeat(50_000) + "NEEDLE-IN-LAYER", "RUN echo NEEDLE-IN-HISTORY");
    const findings = await scanOciArchive(archive, ["NEEDLE-IN-LAYER", "NEEDLE-IN-HISTORY", "ABSENT-NEEDLE"]);
    expect(findings.map((f) => [f.kind, f.needle]).sort()).toEqual([
      ["config", 1],
      ["layer", 0],
    ]);
    expect(JSON.stringify(findings)).not.toContain("NEEDLE");
  });

  it("refuses an empty needle", async () => {
    await expect(scanOciArchive("/nonexistent.tar", [""])).rejects.toThrow(/empty needle/);
  });
});
