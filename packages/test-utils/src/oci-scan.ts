import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { runChecked } from "./run-command.js";

export type BlobKind = "index" | "manifest" | "config" | "layer" | "other";

/** Where a needle was found. Holds the needle's index in the list given, never the needle itself. */
export type OciFinding = { blob: string; kind: BlobKind; needle: number };

/** Whether a stream (gunzipped when it starts with the gzip magic) contains any of the needles. */
async function streamHits(path: string, needles: readonly Buffer[]): Promise<number[]> {
  const head = Buffer.alloc(2);
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  const source = gz ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const keep = Math.max(0, ...needles.map((n) => n.length - 1));
  const hits = new Set<number>();
  let tail = Buffer.alloc(0);
  for await (const chunk of source) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    needles.forEach((n, i) => {
      if (window.includes(n)) hits.add(i);
    });
    tail = window.subarray(Math.max(0, window.length - keep));
  }
  return [...hits].sort();
}

function kinds(dir: string): Map<string, BlobKind> {
  const out = new Map<string, BlobKind>();
  const blob = (digest: string): string => join(dir, "blobs", ...digest.split(":"));
  type Descriptor = { digest: string };
  const index = JSON.parse(readFileSync(join(dir, "index.json"), "utf8")) as { manifests?: Descriptor[] };
  for (const m of index.manifests ?? []) {
    out.set(m.digest, "manifest");
    const manifest = JSON.parse(readFileSync(blob(m.digest), "utf8")) as {
      config?: Descriptor;
      layers?: Descriptor[];
    };
    if (manifest.config !== undefined) out.set(manifest.config.digest, "config");
    for (const l of manifest.layers ?? []) out.set(l.digest, "layer");
  }
  return out;
}

/**
 * Unpacks an OCI archive (`buildah push <image> oci-archive:<tar>`) and looks for each needle in
 * every file of it: index.json, every manifest and config blob (the history lives in the config) and
 * every layer, gunzipped when compressed. Returns the hits; an empty list means no needle anywhere.
 */
export async function scanOciArchive(archive: string, needles: readonly string[]): Promise<OciFinding[]> {
  if (needles.some((n) => n.length === 0))
    throw new Error("scanOciArchive: an empty needle matches everything");
  const dir = mkdtempSync(join(tmpdir(), "hub-setup-oci-"));
  try {
    await runChecked("tar", ["-xf", archive, "-C", dir]);
    const bufs = needles.map((n) => Buffer.from(n, "utf8"));
    const byDigest = kinds(dir);
    const findings: OciFinding[] = [];
    const files: Array<{ name: string; path: string; kind: BlobKind }> = [
      { name: "index.json", path: join(dir, "index.json"), kind: "index" },
    ];
    for (const algo of readdirSync(join(dir, "blobs"))) {
      for (const hex of readdirSync(join(dir, "blobs", algo))) {
        const digest = `${algo}:${hex}`;
        files.push({
          name: digest,
          path: join(dir, "blobs", algo, hex),
          kind: byDigest.get(digest) ?? "other",
        });
      }
    }
    for (const f of files) {
      for (const needle of await streamHits(f.path, bufs))
        findings.push({ blob: f.name, kind: f.kind, needle });
    }
    return findings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many blobs of each kind an archive holds (so a test can show the scan saw layers at all). */
export async function ociBlobKinds(archive: string): Promise<Record<BlobKind, number>> {
  const dir = mkdtempSync(join(tmpdir(), "hub-setup-oci-"));
  try {
    await runChecked("tar", ["-xf", archive, "-C", dir]);
    const counts: Record<BlobKind, number> = { index: 1, manifest: 0, config: 0, layer: 0, other: 0 };
    for (const kind of kinds(dir).values()) counts[kind] += 1;
    return counts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
