import type { Catalog } from "../artifacts/catalog.js";
import type { FaultSwitch } from "../faults.js";
import { galaxyError, sendEmpty, sendJson, sendNotFound, type Exchange } from "../http.js";
import type { Realm } from "../sso/realm.js";
import { checkCloud, checkPrivate, gateway, type Refusal } from "./auth.js";
import { parseHubPath, type HubRoute } from "./routes.js";
import {
  apiRoot,
  collectionBody,
  collectionsList,
  readPage,
  versionDetail,
  versionsList,
  type Where,
} from "./v3.js";

export type PrivateHubState = {
  token(): string | undefined;
  user: { username: string; password: string };
  /** "Load token": a new token; the previous one stops working. */
  load(): string;
  /** DELETE on the token endpoint: no token works until the next load. */
  remove(): void;
};

export type HubContext = {
  kind: "cloud" | "private";
  prefix: string;
  repos: readonly string[];
  catalog: Catalog;
  realm: Realm;
  privateHub: PrivateHubState;
  faults: FaultSwitch;
};

export function handleHub(ex: Exchange, hub: HubContext): void {
  const route = parseHubPath(ex.url.pathname.slice(hub.prefix.length));
  // Like Django, an unknown URL is a 404 before any authentication happens.
  if (route === undefined || (route.kind === "token" && hub.kind === "cloud")) return sendNotFound(ex);
  const refusal = authenticate(ex, hub);
  if (refusal !== undefined) return sendJson(ex, refusal.status, refusal.body);
  if (route.kind === "token") return tokenApi(ex, hub.privateHub);
  if (ex.method !== "GET" && ex.method !== "HEAD") {
    return sendJson(ex, 405, galaxyError(405, "method_not_allowed", `Method "${ex.method}" not allowed.`));
  }
  if (!hub.repos.includes(route.repo)) return sendNotFound(ex);
  serveContent(ex, hub, route);
}

function authenticate(ex: Exchange, hub: HubContext): Refusal | undefined {
  return hub.kind === "cloud" ? checkCloud(ex, hub.realm) : checkPrivate(ex, hub.privateHub);
}

function serveContent(ex: Exchange, hub: HubContext, route: Exclude<HubRoute, { kind: "token" }>): void {
  const host = ex.req.headers.host;
  const where: Where = {
    prefix: hub.prefix,
    repo: route.repo,
    origin:
      host === undefined
        ? `http://${ex.req.socket.localAddress}:${ex.req.socket.localPort}`
        : `http://${host}`,
  };
  const page = readPage(ex.url.searchParams);
  switch (route.kind) {
    case "root":
      return sendJson(ex, 200, apiRoot(route.repo));
    case "collections":
      return sendJson(ex, 200, collectionsList(where, hub.catalog, page, ex.url.pathname));
    case "collection": {
      const body = collectionBody(where, hub.catalog.versions(route.namespace, route.name));
      return body === undefined ? sendNotFound(ex) : sendJson(ex, 200, body);
    }
    case "versions": {
      const versions = hub.catalog.versions(route.namespace, route.name);
      if (versions.length === 0) return sendNotFound(ex);
      return sendJson(ex, 200, versionsList(where, versions, page, ex.url.pathname));
    }
    case "version": {
      const artifact = hub.catalog.find(route.namespace, route.name, route.version);
      return artifact === undefined ? sendNotFound(ex) : sendJson(ex, 200, versionDetail(where, artifact));
    }
    case "artifact":
      return download(ex, hub, route.fileName);
  }
}

function download(ex: Exchange, hub: HubContext, fileName: string): void {
  if (hub.faults.take("downloadUnauthorized", { area: hub.kind, download: true }) !== undefined) {
    const body =
      hub.kind === "cloud"
        ? gateway("Invalid JWT token - signature is invalid").body
        : galaxyError(
            401,
            "authentication_failed",
            "Incorrect authentication credentials.",
            "Invalid token.",
          );
    return sendJson(ex, 401, body);
  }
  const artifact = hub.catalog.byFileName(fileName);
  if (artifact === undefined) return sendNotFound(ex);
  ex.res
    .writeHead(200, {
      "Content-Type": "application/gzip",
      "Content-Length": String(artifact.bytes.length),
      "Content-Disposition": `attachment; filename="${artifact.fileName}"`,
    })
    .end(ex.method === "HEAD" ? undefined : artifact.bytes);
}

/** galaxy_ng's `…/v3/auth/token/`: POST makes a new token (the old one dies), DELETE removes it. */
function tokenApi(ex: Exchange, state: PrivateHubState): void {
  if (ex.method === "POST") return sendJson(ex, 200, { token: state.load() });
  if (ex.method === "DELETE") {
    state.remove();
    return sendEmpty(ex, 204);
  }
  sendJson(ex, 405, galaxyError(405, "method_not_allowed", `Method "${ex.method}" not allowed.`), {
    Allow: "POST, DELETE, OPTIONS",
  });
}
