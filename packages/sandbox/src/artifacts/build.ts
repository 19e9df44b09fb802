import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { CollectionSpec } from "../types.js";
import { writeTar, type TarEntry } from "./tar.js";

/**
 * Builds a collection artifact the way `ansible-galaxy collection build` does: a gzipped tar with
 * MANIFEST.json first (collection_info, and the sha256 of FILES.json), then FILES.json (every dir
 * and file with its sha256), then the content. Both JSON files use Python's `json.dumps(indent=True)`
 * layout, i.e. one-space indentation. A fixed mtime keeps the bytes, and so the sha256, stable.
 */
export type Artifact = {
  namespace: string;
  name: string;
  version: string;
  /** `<ns>-<name>-<version>.tar.gz`, the last segment of download_url. */
  fileName: string;
  bytes: Buffer;
  sha256: string;
  /** collection_info from MANIFEST.json; also the version detail's `metadata`. */
  collectionInfo: CollectionInfo;
};

export type CollectionInfo = {
  namespace: string;
  name: string;
  version: string;
  authors: string[];
  readme: string;
  tags: string[];
  description: string;
  license: string[];
  license_file: null;
  dependencies: Record<string, string>;
  repository: string;
  documentation: string;
  homepage: string;
  issues: string;
};

/** 2024-01-01T00:00:00Z: every entry's mtime. */
export const ARTIFACT_MTIME = 1_704_067_200;

export function buildArtifact(spec: CollectionSpec): Artifact {
  const collectionInfo: CollectionInfo = {
    namespace: spec.namespace,
    name: spec.name,
    version: spec.version,
    authors: ["hub-setup sandbox"],
    readme: "README.md",
    tags: ["sandbox"],
    description: spec.description ?? `A collection served by the hub-setup sandbox.`,
    license: ["Apache-2.0"],
    license_file: null,
    dependencies: { ...(spec.dependencies ?? {}) },
    repository: "https://example.invalid/hub-setup-sandbox",
    documentation: "https://example.invalid/hub-setup-sandbox",
    homepage: "https://example.invalid/hub-setup-sandbox",
    issues: "https://example.invalid/hub-setup-sandbox/issues",
  };
  const content = contentFiles(spec);
  const paths = [...content.keys()].sort();
  const fileEntries: Record<string, unknown>[] = [fileEntry(".", undefined)];
  const tarBody: TarEntry[] = [];
  const seenDirs = new Set<string>();
  for (const path of paths) {
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (seenDirs.has(dir)) continue;
      seenDirs.add(dir);
      fileEntries.push(fileEntry(dir, undefined));
      tarBody.push({ path: dir, type: "dir" });
    }
    const bytes = content.get(path) ?? Buffer.alloc(0);
    fileEntries.push(fileEntry(path, sha256(bytes)));
    tarBody.push({ path, type: "file", content: bytes });
  }
  const filesJson = Buffer.from(JSON.stringify({ files: fileEntries, format: 1 }, null, 1));
  const manifest = {
    collection_info: collectionInfo,
    file_manifest_file: {
      name: "FILES.json",
      ftype: "file",
      chksum_type: "sha256",
      chksum_sha256: sha256(filesJson),
      format: 1,
    },
    format: 1,
  };
  const tar = writeTar(
    [
      { path: "MANIFEST.json", type: "file", content: Buffer.from(JSON.stringify(manifest, null, 1)) },
      { path: "FILES.json", type: "file", content: filesJson },
      ...tarBody,
    ],
    ARTIFACT_MTIME,
  );
  const bytes = gzipSync(tar, { level: 9 });
  return {
    namespace: spec.namespace,
    name: spec.name,
    version: spec.version,
    fileName: `${spec.namespace}-${spec.name}-${spec.version}.tar.gz`,
    bytes,
    sha256: sha256(bytes),
    collectionInfo,
  };
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function fileEntry(name: string, chksum: string | undefined): Record<string, unknown> {
  return {
    name,
    ftype: chksum === undefined ? "dir" : "file",
    chksum_type: chksum === undefined ? null : "sha256",
    chksum_sha256: chksum ?? null,
    format: 1,
  };
}

function contentFiles(spec: CollectionSpec): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  files.set(
    "README.md",
    Buffer.from(`# ${spec.namespace}.${spec.name} ${spec.version}\n\nServed by the hub-setup sandbox.\n`),
  );
  files.set("meta/runtime.yml", Buffer.from(`---\nrequires_ansible: ">=2.14.0"\n`));
  for (const [path, text] of Object.entries(spec.files ?? {})) files.set(path, Buffer.from(text));
  return files;
}
