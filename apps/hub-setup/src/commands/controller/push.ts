import { HubSetupError } from "@hub-setup/core";
import { EXIT } from "../../exit-codes.js";
import { usageError } from "../../flags.js";
import type { ConsumerState, ControllerApi, ControllerTarget, Env, HubChecks } from "../../ports.js";
import { controllerTarget } from "../../consumers/controller-target.js";
import { galaxyInputs, pushCredential } from "../../consumers/push-credential.js";
import { loadWorkspace, type WorkspacePorts } from "../../servers/workspace.js";
import type { ServerView } from "../../servers/servers.js";
import { CONTROLLER } from "../specs.js";
import { ordinal } from "./ordinal.js";

export type PushOptions = {
  credential: string;
  organization: string | undefined;
  server: string | undefined;
  controllerUrl: string | undefined;
  first: boolean;
};

export type PushDeps = WorkspacePorts & {
  env: Env;
  openChecks: () => Promise<HubChecks>;
  openController: (target: ControllerTarget) => Promise<ControllerApi & { close: () => Promise<void> }>;
  openConsumers: () => Promise<ConsumerState>;
  now: () => Date;
  signal: AbortSignal;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

type Chosen = { view: ServerView; url: string; token: string };

/** The server whose token goes: --server, or the one server that has a URL and a token. */
function chooseServer(views: readonly ServerView[], id: string | undefined): Chosen {
  const usable = views.flatMap((v) =>
    v.url !== undefined && v.token !== undefined && v.token.kind !== "invalid"
      ? [{ view: v, url: v.url, token: v.token.value }]
      : [],
  );
  if (id !== undefined) {
    const found = usable.find((c) => c.view.id === id);
    if (found !== undefined) return found;
    const known = views.find((v) => v.id === id);
    throw usageError(
      CONTROLLER,
      known === undefined
        ? `no galaxy server "${id}" in the ansible.cfg read here (servers: ${views.map((v) => v.id).join(", ") || "none"})`
        : known.withheld !== undefined
          ? `${known.withheld} (\`hub-setup status --allow-new-origin\` binds it there if you moved the server yourself)`
          : `server "${id}" has no usable URL and token here`,
      "run `hub-setup status` to see the servers and where their tokens are",
    );
  }
  const [only, ...more] = usable;
  if (only === undefined) {
    throw usageError(
      CONTROLLER,
      "no galaxy server here has a URL and a token",
      "run `hub-setup` to set one up",
    );
  }
  if (more.length > 0) {
    throw usageError(
      CONTROLLER,
      `${usable.length} servers have tokens (${usable.map((c) => c.view.id).join(", ")}): say which with --server`,
    );
  }
  return only;
}

/** `controller push`: check the token, update or create the credential, remember it. */
export async function runPush(opts: PushOptions, deps: PushDeps): Promise<number> {
  const target = controllerTarget(deps.env, opts.controllerUrl);
  const workspace = await loadWorkspace(deps);
  const chosen = chooseServer(workspace.views, opts.server);
  const server = { id: chosen.view.id, url: chosen.url, authUrl: chosen.view.authUrl };

  const checks = await deps.openChecks();
  try {
    const kind = chosen.view.kind;
    const checked = await checks.verify(
      {
        kind,
        url: server.url,
        ...(server.authUrl === undefined ? {} : { authUrl: server.authUrl }),
        ...(chosen.view.clientId === undefined ? {} : { clientId: chosen.view.clientId }),
      },
      chosen.token,
      deps.signal,
    );
    if (!checked.ok) {
      throw new HubSetupError(
        checked.error.code,
        `${server.id}: ${checked.message} Nothing was pushed: a controller credential with this token would fail too.`,
        checked.error.hint === undefined ? {} : { hint: checked.error.hint },
      );
    }
  } finally {
    await checks.close();
  }

  const api = await deps.openController(target);
  try {
    const pushed = await pushCredential(api, {
      name: opts.credential,
      organization: opts.organization,
      first: opts.first,
      inputs: galaxyInputs(server, chosen.token),
      description: `galaxy server ${server.id}, pushed by hub-setup`,
    });
    const { credential } = pushed;
    const consumers = await deps.openConsumers();
    try {
      await consumers.remember({
        kind: "controller",
        controllerUrl: target.url,
        credentialId: credential.id,
        credentialName: credential.name,
        serverId: server.id,
        pushedAt: deps.now(),
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      deps.stderr(
        `hub-setup controller: pushed, but not remembered (${why}): a new token will not follow it\n`,
      );
    }
    const what = pushed.created ? "Created" : "Updated";
    deps.stdout(
      `${what} credential "${credential.name}" (id ${credential.id}) on ${await api.root()} with ${server.id}'s URL and token.\n`,
    );
    if (pushed.list !== undefined) {
      const at = pushed.list.ids.indexOf(credential.id) + 1;
      deps.stdout(
        `It is ${ordinal(at)} of ${pushed.list.ids.length} in ${pushed.list.organization}'s Galaxy credentials (project syncs try them in that order).\n`,
      );
    }
    deps.stdout(
      `hub-setup will update it when you replace ${server.id}'s token through hub-setup; \`hub-setup status\` lists it.\n`,
    );
    return EXIT.OK;
  } finally {
    await api.close();
  }
}
