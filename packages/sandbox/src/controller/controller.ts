import type { ControllerOptions, SandboxController, SandboxProjectUpdate } from "../types.js";
import type { ControllerContext } from "./context.js";
import { controllerRoot } from "./handler.js";
import type { ProjectUpdateRecord } from "./model.js";
import { createUpdateRunner } from "./project-update.js";
import { CONTROLLER_ADMIN, CONTROLLER_AUDITOR, DEFAULT_REQUIREMENTS, openControllerStore } from "./store.js";

export const API_V2_ROOT = "/api/v2/";
export const GATEWAY_ROOT = "/api/controller/v2/";

export type Controller = {
  context: ControllerContext;
  /** The API root this path belongs to when the controller serves it. */
  rootOf(pathname: string): string | undefined;
  view(base: string): SandboxController;
  close(): Promise<void>;
};

/**
 * The sandbox's automation controller: AWX's REST surface for Galaxy credentials and project
 * updates, with its state in `controller-state.json` in the sandbox state dir.
 */
export function createController(
  stateDir: string,
  now: () => Date,
  options: ControllerOptions = {},
): Controller {
  const store = openControllerStore(stateDir, now);
  const { data } = store;
  if (options.requirements !== undefined) {
    for (const p of data.projects) p.requirements = options.requirements;
  }
  // Updates that were running when the sandbox stopped can no longer finish.
  for (const u of data.projectUpdates) {
    if (u.status === "running") Object.assign(u, { status: "canceled", finished: now().toISOString() });
  }
  store.save();
  const runner = createUpdateRunner({
    command: options.galaxyCommand ?? "ansible-galaxy",
    timeoutMs: options.updateTimeoutMs ?? 120_000,
    now,
    changed: () => store.save(),
  });
  const serve = options.apiRoots ?? "both";
  const roots = [...(serve === "gateway" ? [] : [API_V2_ROOT]), ...(serve === "v2" ? [] : [GATEWAY_ROOT])];
  const context: ControllerContext = { data, save: () => store.save(), now, runner, roots };
  const user = (name: string) => {
    const u = data.users.find((x) => x.username === name);
    if (u === undefined) throw new Error(`controller state has no ${name} user`);
    return u;
  };
  const org = data.organizations[0];
  const project = data.projects[0];
  if (org === undefined || project === undefined)
    throw new Error("controller state has no organisation or project");

  const view = (base: string): SandboxController => ({
    url: base,
    ...(roots.includes(GATEWAY_ROOT) ? { gatewayUrl: base } : {}),
    apiRoots: roots.map((r) => `${base}${r.slice(1)}`),
    oauthToken: user(CONTROLLER_ADMIN).token,
    user: { username: CONTROLLER_ADMIN, password: user(CONTROLLER_ADMIN).password },
    readOnlyUser: {
      username: CONTROLLER_AUDITOR,
      password: user(CONTROLLER_AUDITOR).password,
      oauthToken: user(CONTROLLER_AUDITOR).token,
    },
    organization: { id: org.id, name: org.name },
    project: { id: project.id, name: project.name },
    requirements: project.requirements || DEFAULT_REQUIREMENTS,
    credentials: () =>
      data.credentials.map((c) => ({
        id: c.id,
        name: c.name,
        organization: c.organization,
        credentialType: c.credentialType,
        managed: c.managed,
        inputs: { ...c.inputs },
      })),
    galaxyCredentials: (orgId = org.id) => [
      ...(data.organizations.find((o) => o.id === orgId)?.galaxyCredentials ?? []),
    ],
    projectUpdates: () => data.projectUpdates.map(toView),
    waitForProjectUpdate: async (id) => {
      await runner.settled(id);
      const found = data.projectUpdates.find((u) => u.id === id);
      if (found === undefined) throw new Error(`no project update ${id}`);
      return toView(found);
    },
  });

  return {
    context,
    rootOf: (pathname) => controllerRoot(context, pathname),
    view,
    close: () => runner.close(),
  };
}

function toView(u: ProjectUpdateRecord): SandboxProjectUpdate {
  return {
    id: u.id,
    project: u.project,
    status: u.status,
    stdout: u.stdout,
    jobEnv: { ...u.jobEnv },
    jobExplanation: u.jobExplanation,
    rc: u.rc,
    installed: u.installed.map((i) => ({ ...i })),
    started: u.started,
    finished: u.finished,
  };
}
