import type { Exchange } from "../http.js";
import { authenticate, WWW_AUTHENTICATE } from "./auth.js";
import { credentialType } from "./credential-types.js";
import { createCredential, updateCredential } from "./credentials.js";
import { changeGalaxyCredentials } from "./galaxy-credentials.js";
import { credentialFilter, filter } from "./filters.js";
import type { ControllerUser } from "./model.js";
import { paginate } from "./paginate.js";
import type { ControllerContext } from "./context.js";
import { ApiError, detail, methodNotAllowed, noContent, PERMISSION_DENIED, reply } from "./respond.js";
import { parseControllerPath, type ControllerRoute } from "./routes.js";
import {
  allCredentialTypes,
  apiRootJson,
  credentialJson,
  credentialTypeJson,
  organizationJson,
  pingJson,
  projectJson,
  projectUpdateJson,
  userJson,
} from "./serialize.js";
import { jsonBody } from "./request.js";
import { startUpdate } from "./start-update.js";
import { listStdout } from "./stdout.js";

/** The API root a path falls under, if this controller serves it. */
export function controllerRoot(ctx: ControllerContext, pathname: string): string | undefined {
  return ctx.roots.find((r) => pathname.startsWith(r));
}

/**
 * One controller request: route (unknown URLs are 404 before authentication, as in Django), then
 * authenticate (ping and the API root need none), refuse writes from the read-only user (403), then
 * answer.
 */
export async function handleController(ex: Exchange, ctx: ControllerContext, root: string): Promise<void> {
  const route = parseControllerPath(ex.url.pathname.slice(root.length));
  if (route === undefined) return detail(ex, 404, "The requested resource could not be found.");
  try {
    if (route.kind === "ping" || route.kind === "root") {
      if (ex.method !== "GET" && ex.method !== "HEAD") return methodNotAllowed(ex);
      return reply(ex, 200, route.kind === "ping" ? pingJson() : apiRootJson(root));
    }
    const auth = authenticate(ex, ctx.data.users);
    if (!auth.ok) return detail(ex, 401, auth.detail, { "WWW-Authenticate": WWW_AUTHENTICATE });
    const writing = !["GET", "HEAD", "OPTIONS"].includes(ex.method);
    if (writing && auth.user.role !== "admin") return detail(ex, 403, PERMISSION_DENIED);
    await answerRoute(ex, ctx, root, route, auth.user);
  } catch (error) {
    if (error instanceof ApiError) return reply(ex, error.status, error.body);
    throw error;
  }
}

async function answerRoute(
  ex: Exchange,
  ctx: ControllerContext,
  root: string,
  route: Exclude<ControllerRoute, { kind: "ping" | "root" }>,
  user: ControllerUser,
): Promise<void> {
  const { data } = ctx;
  const now = () => ctx.now().toISOString();
  const allow = (...methods: string[]) => {
    if (!methods.includes(ex.method) && !(ex.method === "HEAD" && methods.includes("GET"))) {
      throw new ApiError(405, { detail: `Method "${ex.method}" not allowed.` });
    }
  };
  switch (route.kind) {
    case "me":
      allow("GET");
      return list(
        ex,
        [user].map((u) => userJson(root, u)),
      );
    case "credential_types": {
      allow("GET");
      const types = filter(allCredentialTypes(), ex.url, {
        id: (t) => t.id,
        name: (t) => t.name,
        kind: (t) => t.kind,
        namespace: (t) => t.namespace,
      });
      return list(
        ex,
        types.map((t) => credentialTypeJson(root, t)),
      );
    }
    case "credential_type": {
      allow("GET");
      const type = credentialType(route.id);
      if (type === undefined) return notFound("CredentialType");
      return reply(ex, 200, credentialTypeJson(root, type));
    }
    case "credentials": {
      allow("GET", "POST");
      if (ex.method === "POST") {
        const created = createCredential(data, await jsonBody(ex), now());
        ctx.save();
        return reply(ex, 201, credentialJson(root, data, created), {
          Location: `${root}credentials/${created.id}/`,
        });
      }
      const sorted = [...data.credentials].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
      return list(
        ex,
        credentialFilter(sorted, ex.url).map((c) => credentialJson(root, data, c)),
      );
    }
    case "credential": {
      allow("GET", "PATCH", "PUT", "DELETE");
      const c = data.credentials.find((x) => x.id === route.id) ?? notFound("Credential");
      if (ex.method === "GET" || ex.method === "HEAD") return reply(ex, 200, credentialJson(root, data, c));
      if (ex.method === "DELETE") {
        if (c.managed) throw new ApiError(403, { detail: PERMISSION_DENIED });
        data.credentials = data.credentials.filter((x) => x !== c);
        for (const o of data.organizations)
          o.galaxyCredentials = o.galaxyCredentials.filter((id) => id !== c.id);
        ctx.save();
        return noContent(ex);
      }
      updateCredential(data, c, await jsonBody(ex), ex.method === "PATCH", now());
      ctx.save();
      return reply(ex, 200, credentialJson(root, data, c));
    }
    case "organizations": {
      allow("GET");
      const orgs = filter(
        [...data.organizations].sort((a, b) => a.name.localeCompare(b.name)),
        ex.url,
        {
          id: (o) => o.id,
          name: (o) => o.name,
        },
      );
      return list(
        ex,
        orgs.map((o) => organizationJson(root, o)),
      );
    }
    case "organization": {
      allow("GET");
      const org = data.organizations.find((o) => o.id === route.id) ?? notFound("Organization");
      return reply(ex, 200, organizationJson(root, org));
    }
    case "galaxy_credentials": {
      allow("GET", "POST");
      const org = data.organizations.find((o) => o.id === route.id) ?? notFound("Organization");
      if (ex.method === "POST") {
        changeGalaxyCredentials(data, org, await jsonBody(ex));
        ctx.save();
        return noContent(ex);
      }
      const creds = org.galaxyCredentials.flatMap((id) => data.credentials.filter((c) => c.id === id));
      return list(
        ex,
        creds.map((c) => credentialJson(root, data, c)),
      );
    }
    case "projects": {
      allow("GET");
      const projects = filter(data.projects, ex.url, {
        id: (p) => p.id,
        name: (p) => p.name,
        organization: (p) => p.organization,
      });
      return list(
        ex,
        projects.map((p) => projectJson(root, data, p)),
      );
    }
    case "project": {
      allow("GET");
      const project = data.projects.find((p) => p.id === route.id) ?? notFound("Project");
      return reply(ex, 200, projectJson(root, data, project));
    }
    case "project_update_start": {
      allow("GET", "POST");
      const project = data.projects.find((p) => p.id === route.id) ?? notFound("Project");
      if (ex.method !== "POST") return reply(ex, 200, { can_update: true });
      const record = startUpdate(ctx, project.id, project.organization, project.requirements);
      const body = { project_update: record.id, ...(projectUpdateJson(root, record) as object) };
      return reply(ex, 202, body, { Location: `${root}project_updates/${record.id}/` });
    }
    case "project_updates": {
      allow("GET");
      const updates = filter(data.projectUpdates, ex.url, {
        id: (u) => u.id,
        project: (u) => u.project,
        status: (u) => u.status,
      });
      return list(
        ex,
        updates.map((u) => projectUpdateJson(root, u)),
      );
    }
    case "project_update": {
      allow("GET");
      const u = data.projectUpdates.find((x) => x.id === route.id) ?? notFound("ProjectUpdate");
      return reply(ex, 200, projectUpdateJson(root, u));
    }
    case "project_update_stdout": {
      allow("GET");
      const u = data.projectUpdates.find((x) => x.id === route.id) ?? notFound("ProjectUpdate");
      return listStdout(ex, u.stdout);
    }
  }
}

function list(ex: Exchange, items: readonly unknown[]): void {
  reply(ex, 200, paginate(items, ex.url));
}

/** DRF's 404 for a missing object: since DRF 3.15 the detail is Django's Http404 message. */
function notFound(model: string): never {
  throw new ApiError(404, { detail: `No ${model} matches the given query.` });
}
