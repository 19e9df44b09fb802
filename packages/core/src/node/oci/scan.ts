import { createReadStream } from "node:fs";
import { open, readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { createGunzip } from "node:zlib";

export type ImageBlobKind = "index" | "manifest" | "config" | "layer" | "other";

/**
 * Where a needle was found in an exported image. Holds the needle's index in the list given and the
 * place (a digest, a history entry number), never the needle itself.
 */
export type ImageFinding = {
  /** The blob's digest (`sha256:…`) or, for a file outside blobs/, its path in the folder. */
  blob: string;
  kind: ImageBlobKind;
  needle: number;
  /** For a config blob: the 1-based history entries and config fields that hold it. */
  inConfig?: string[];
};

export type ImageScan = {
  findings: ImageFinding[];
  /** How many files of each kind were read (so a caller can say it saw the layers at all). */
  counts: Record<ImageBlobKind, number>;
};

type Descriptor = { digest?: string; mediaType?: string };
type OciIndex = { manifests?: Descriptor[] };
type OciManifest = { config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] };
type DockerManifest = Array<{ Config?: string; Layers?: string[] }>;

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

const blobPath = (dir: string, digest: string): string => join(dir, "blobs", ...digest.split(":"));
const blobName = (dir: string, path: string): string => {
  const rel = relative(dir, path).split(sep);
  return rel[0] === "blobs" && rel.length === 3 ? `${rel[1]}:${rel[2]}` : rel.join("/");
};

/** Kinds by file name: an OCI layout's index → manifests → config and layers, or `docker save`'s manifest.json. */
async function classify(dir: string): Promise<Map<string, ImageBlobKind>> {
  const kinds = new Map<string, ImageBlobKind>([["index.json", "index"]]);
  const walk = async (descriptors: Descriptor[] | undefined, depth: number): Promise<void> => {
    for (const d of descriptors ?? []) {
      if (d.digest === undefined || depth > 4) continue;
      const doc = await readJson<OciManifest>(blobPath(dir, d.digest));
      if (doc?.manifests !== undefined) {
        kinds.set(d.digest, "index");
        await walk(doc.manifests, depth + 1);
        continue;
      }
      kinds.set(d.digest, "manifest");
      if (doc?.config?.digest !== undefined) kinds.set(doc.config.digest, "config");
      for (const l of doc?.layers ?? []) if (l.digest !== undefined) kinds.set(l.digest, "layer");
    }
  };
  await walk((await readJson<OciIndex>(join(dir, "index.json")))?.manifests, 0);
  for (const entry of (await readJson<DockerManifest>(join(dir, "manifest.json"))) ?? []) {
    kinds.set("manifest.json", "manifest");
    const name = (p: string) => blobName(dir, join(dir, p));
    if (entry.Config !== undefined) kinds.set(name(entry.Config), "config");
    for (const l of entry.Layers ?? []) kinds.set(name(l), "layer");
  }
  return kinds;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The needles a file holds, streaming (gunzipped when it starts with gzip's magic), across chunk edges. */
async function hitsIn(path: string, needles: readonly Buffer[]): Promise<number[]> {
  const source = (await isGzip(path)) ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const keep = Math.max(0, ...needles.map((n) => n.length - 1));
  const hits = new Set<number>();
  let tail = Buffer.alloc(0);
  for await (const chunk of source) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    needles.forEach((n, i) => {
      if (!hits.has(i) && window.includes(n)) hits.add(i);
    });
    tail = window.subarray(Math.max(0, window.length - keep));
  }
  return [...hits].sort((a, b) => a - b);
}

type ImageConfig = {
  history?: Array<{ created_by?: string; comment?: string }>;
  config?: { Env?: string[]; Labels?: Record<string, string>; Cmd?: string[]; Entrypoint?: string[] };
};

/** Which parts of an image config hold the needle: "history entry N", "Env", "Labels", "Cmd"… */
function placesInConfig(text: string, needle: string): string[] {
  let doc: ImageConfig;
  try {
    doc = JSON.parse(text) as ImageConfig;
  } catch {
    return [];
  }
  const places: string[] = [];
  (doc.history ?? []).forEach((h, i) => {
    if (`${h.created_by ?? ""}\n${h.comment ?? ""}`.includes(needle)) places.push(`history entry ${i + 1}`);
  });
  for (const field of ["Env", "Labels", "Cmd", "Entrypoint"] as const) {
    if (JSON.stringify(doc.config?.[field] ?? null).includes(JSON.stringify(needle).slice(1, -1))) {
      places.push(field);
    }
  }
  return places;
}

/**
 * Looks for each needle in every file of an exported image folder: an OCI layout (`buildah push … oci:DIR`,
 * `podman save --format oci-dir`) or an unpacked `docker save`. Index, manifests, the config (which holds
 * the history) and every layer, gunzipped when compressed. An empty `findings` means no needle anywhere.
 */
export async function scanImageFolder(dir: string, needles: readonly string[]): Promise<ImageScan> {
  if (needles.length === 0 || needles.some((n) => n.length === 0)) {
    throw new Error("scanImageFolder: give at least one needle, and no empty one (it matches everything)");
  }
  const bufs = needles.map((n) => Buffer.from(n, "utf8"));
  const kinds = await classify(dir);
  const counts: Record<ImageBlobKind, number> = { index: 0, manifest: 0, config: 0, layer: 0, other: 0 };
  const findings: ImageFinding[] = [];
  for (const path of (await filesUnder(dir)).sort()) {
    const blob = blobName(dir, path);
    if (blob === "oci-layout") continue;
    const kind = kinds.get(blob) ?? "other";
    counts[kind] += 1;
    for (const needle of await hitsIn(path, bufs)) {
      const finding: ImageFinding = { blob, kind, needle };
      if (kind === "config")
        finding.inConfig = placesInConfig(await readFile(path, "utf8"), needles[needle] ?? "");
      findings.push(finding);
    }
  }
  return { findings, counts };
}
