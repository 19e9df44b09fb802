/**
 * The hub URL space, under a prefix (`/api/automation-hub/` for the cloud hub, `/api/galaxy/` for the
 * private hub), parsed into routes. Content lives under `content/<repo>/` (the URL people put in
 * ansible.cfg) and, as galaxy_ng also serves it, under `v3/plugin/ansible/content/<repo>/collections/`.
 * The bare prefix is the `published` repository, as in galaxy_ng.
 */
export type HubRoute =
  | { kind: "root"; repo: string }
  | { kind: "collections"; repo: string }
  | { kind: "collection"; repo: string; namespace: string; name: string }
  | { kind: "versions"; repo: string; namespace: string; name: string }
  | { kind: "version"; repo: string; namespace: string; name: string; version: string }
  | { kind: "artifact"; repo: string; fileName: string }
  | { kind: "token" };

export const DEFAULT_REPO = "published";

export function parseHubPath(rest: string): HubRoute | undefined {
  if (rest === "") return { kind: "root", repo: DEFAULT_REPO };
  if (rest === "v3/auth/token/") return { kind: "token" };
  let m = /^content\/([^/]+)\/$/.exec(rest);
  if (m) return { kind: "root", repo: decode(m[1]) };
  m = /^(?:content\/([^/]+)\/)?v3\/collections\/(.*)$/.exec(rest);
  if (m) return collectionsRoute(m[1] === undefined ? DEFAULT_REPO : decode(m[1]), m[2] ?? "");
  m = /^v3\/plugin\/ansible\/content\/([^/]+)\/collections\/index\/(.*)$/.exec(rest);
  if (m) return collectionsRoute(decode(m[1]), m[2] ?? "");
  m = /^v3\/plugin\/ansible\/content\/([^/]+)\/collections\/artifacts\/([^/]+)$/.exec(rest);
  if (m) return { kind: "artifact", repo: decode(m[1]), fileName: decode(m[2]) };
  return undefined;
}

function collectionsRoute(repo: string, tail: string): HubRoute | undefined {
  if (tail === "") return { kind: "collections", repo };
  const m = /^([^/]+)\/([^/]+)\/(?:versions\/(?:([^/]+)\/)?)?$/.exec(tail);
  if (!m) return undefined;
  const namespace = decode(m[1]);
  const name = decode(m[2]);
  if (m[3] !== undefined) return { kind: "version", repo, namespace, name, version: decode(m[3]) };
  if (tail.endsWith("/versions/")) return { kind: "versions", repo, namespace, name };
  return { kind: "collection", repo, namespace, name };
}

function decode(part: string | undefined): string {
  try {
    return decodeURIComponent(part ?? "");
  } catch {
    return part ?? "";
  }
}

/** Where galaxy_ng puts a collection's index pages and artifacts (used for hrefs and download_url). */
export function indexPath(prefix: string, repo: string, namespace: string, name: string): string {
  return `${prefix}v3/plugin/ansible/content/${repo}/collections/index/${namespace}/${name}/`;
}

export function artifactPath(prefix: string, repo: string, fileName: string): string {
  return `${prefix}v3/plugin/ansible/content/${repo}/collections/artifacts/${fileName}`;
}
