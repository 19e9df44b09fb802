import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { requireTool, tempDir } from "@hub-setup/test-utils";
import { expect, it } from "vitest";
import { buildArtifact } from "../src/artifacts/build.js";
import { DEFAULT_COLLECTIONS } from "../src/index.js";

const tar = requireTool("tar");
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

type FileEntry = {
  name: string;
  ftype: "file" | "dir";
  chksum_type: string | null;
  chksum_sha256: string | null;
};

it.skipIf(!tar.available)(
  "every default artifact unpacks with tar, and every checksum in it is right",
  () => {
    for (const spec of DEFAULT_COLLECTIONS) {
      const artifact = buildArtifact(spec);
      expect(artifact.sha256).toBe(sha(artifact.bytes));
      const dir = tempDir();
      const file = join(dir, artifact.fileName);
      writeFileSync(file, artifact.bytes);
      const listing = execFileSync("tar", ["-tzf", file], { encoding: "utf8" }).trim().split("\n");
      expect(listing.slice(0, 2)).toEqual(["MANIFEST.json", "FILES.json"]);
      execFileSync("tar", ["-xzf", file, "-C", dir]);

      const filesJson = readFileSync(join(dir, "FILES.json"));
      const manifest = JSON.parse(readFileSync(join(dir, "MANIFEST.json"), "utf8")) as {
        collection_info: Record<string, unknown>;
        file_manifest_file: { name: string; chksum_sha256: string };
      };
      expect(manifest.collection_info).toMatchObject({
        namespace: spec.namespace,
        name: spec.name,
        version: spec.version,
        dependencies: spec.dependencies ?? {},
      });
      expect(manifest.file_manifest_file).toMatchObject({
        name: "FILES.json",
        chksum_sha256: sha(filesJson),
      });

      const { files } = JSON.parse(filesJson.toString("utf8")) as { files: FileEntry[] };
      expect(files[0]).toMatchObject({ name: ".", ftype: "dir", chksum_sha256: null });
      const listed = new Set(listing.map((p) => p.replace(/\/$/, "")));
      for (const entry of files.slice(1)) {
        expect(listed.has(entry.name), entry.name).toBe(true);
        if (entry.ftype === "file") {
          expect(entry.chksum_type).toBe("sha256");
          expect(sha(readFileSync(join(dir, entry.name))), entry.name).toBe(entry.chksum_sha256);
        }
      }
      // Nothing in the tar that FILES.json does not list.
      expect(listing.length).toBe(files.length - 1 + 2);
    }
  },
);

it.skipIf(!tar.available)(
  "lays MANIFEST.json and FILES.json out as `ansible-galaxy collection build` does (one-space indent)",
  () => {
    const artifact = buildArtifact({ namespace: "ns", name: "coll", version: "1.0.0" });
    const dir = tempDir();
    writeFileSync(join(dir, "a.tar.gz"), artifact.bytes);
    execFileSync("tar", ["-xzf", join(dir, "a.tar.gz"), "-C", dir]);
    const manifest = readFileSync(join(dir, "MANIFEST.json"), "utf8");
    expect(manifest.startsWith('{\n "collection_info": {\n  "namespace": "ns",\n  "name": "coll",')).toBe(
      true,
    );
    expect(manifest.endsWith('\n "format": 1\n}')).toBe(true);
  },
);

it("is deterministic: the same spec gives the same bytes and sha256", () => {
  const spec = {
    namespace: "ns",
    name: "coll",
    version: "1.2.3",
    files: { "plugins/modules/x.py": "# x\n" },
  };
  const a = buildArtifact(spec);
  const b = buildArtifact({ ...spec });
  expect(b.bytes.equals(a.bytes)).toBe(true);
  expect(buildArtifact({ ...spec, version: "1.2.4" }).sha256).not.toBe(a.sha256);
});
