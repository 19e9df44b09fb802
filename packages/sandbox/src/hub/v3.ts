import type { Artifact } from "../artifacts/build.js";
import type { Catalog } from "../artifacts/catalog.js";
import { artifactPath, indexPath } from "./routes.js";

/**
 * The v3 bodies ansible-galaxy reads during `collection install` and `download`, shaped like galaxy_ng's.
 * The version detail carries all seven fields the client requires (namespace.name, collection.name,
 * version, download_url, artifact.sha256, metadata.dependencies, href); download_url is absolute.
 */
export type Where = { prefix: string; repo: string; origin: string };

/** Every artifact was built with the same fixed mtime; the index shows that moment. */
const STAMP = "2024-01-01T00:00:00.000000Z";
export const REQUIRES_ANSIBLE = ">=2.14.0";

export function apiRoot(repo: string): unknown {
  return {
    available_versions: { v3: "v3/", "pulp-v3": "pulp/api/v3/" },
    server_version: "4.10.0",
    galaxy_ng_version: "4.10.0",
    galaxy_ng_commit: "",
    galaxy_importer_version: "0.4.24",
    pulp_core_version: "3.49.0",
    pulp_ansible_version: "0.21.0",
    distro_base_path: repo,
  };
}

export function collectionBody(w: Where, versions: readonly Artifact[]): unknown {
  const [top] = versions;
  if (top === undefined) return undefined;
  const base = indexPath(w.prefix, w.repo, top.namespace, top.name);
  return {
    href: base,
    namespace: top.namespace,
    name: top.name,
    deprecated: false,
    versions_url: `${base}versions/`,
    highest_version: { href: `${base}versions/${top.version}/`, version: top.version },
    created_at: STAMP,
    updated_at: STAMP,
    download_count: 0,
  };
}

export function collectionsList(w: Where, catalog: Catalog, page: Page, path: string): unknown {
  const all = catalog.names.map((full) => {
    const [ns = "", name = ""] = full.split(".");
    return collectionBody(w, catalog.versions(ns, name));
  });
  return paginate(all, page, path);
}

export function versionsList(w: Where, versions: readonly Artifact[], page: Page, path: string): unknown {
  const items = versions.map((a) => ({
    version: a.version,
    href: `${indexPath(w.prefix, w.repo, a.namespace, a.name)}versions/${a.version}/`,
    created_at: STAMP,
    updated_at: STAMP,
    requires_ansible: REQUIRES_ANSIBLE,
    marks: [],
  }));
  return paginate(items, page, path);
}

export function versionDetail(w: Where, a: Artifact): unknown {
  const base = indexPath(w.prefix, w.repo, a.namespace, a.name);
  const { collectionInfo: info } = a;
  return {
    href: `${base}versions/${a.version}/`,
    namespace: { name: a.namespace, metadata_sha256: null },
    collection: { name: a.name, href: base },
    version: a.version,
    name: a.name,
    download_url: `${w.origin}${artifactPath(w.prefix, w.repo, a.fileName)}`,
    artifact: { filename: a.fileName, sha256: a.sha256, size: a.bytes.length },
    metadata: {
      authors: info.authors,
      contents: [],
      dependencies: info.dependencies,
      description: info.description,
      documentation: info.documentation,
      homepage: info.homepage,
      issues: info.issues,
      license: info.license,
      repository: info.repository,
      tags: info.tags,
    },
    signatures: [],
    requires_ansible: REQUIRES_ANSIBLE,
    created_at: STAMP,
    updated_at: STAMP,
    marks: [],
  };
}

/** galaxy_ng's limit/offset pagination: default 10, at most 100; links are host-relative paths. */
export type Page = { limit: number; offset: number };

export function readPage(params: URLSearchParams): Page {
  const limit = Number.parseInt(params.get("limit") ?? "", 10);
  const offset = Number.parseInt(params.get("offset") ?? "", 10);
  return {
    limit: Number.isFinite(limit) && limit > 0 ? Math.min(limit, 100) : 10,
    offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
  };
}

function paginate(items: readonly unknown[], page: Page, path: string): unknown {
  const link = (offset: number) => `${path}?limit=${page.limit}&offset=${offset}`;
  const lastOffset = items.length === 0 ? 0 : Math.floor((items.length - 1) / page.limit) * page.limit;
  const next = page.offset + page.limit;
  return {
    meta: { count: items.length },
    links: {
      first: link(0),
      previous: page.offset > 0 ? link(Math.max(0, page.offset - page.limit)) : null,
      next: next < items.length ? link(next) : null,
      last: link(lastOffset),
    },
    data: items.slice(page.offset, page.offset + page.limit),
  };
}
