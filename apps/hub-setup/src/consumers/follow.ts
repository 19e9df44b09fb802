import { errorInfo } from "../error-info.js";
import type { Consumer, ConsumerState, ControllerApi, ControllerTarget, Env } from "../ports.js";
import { controllerTarget } from "./controller-target.js";
import { galaxyInputs } from "./push-credential.js";

export type FollowDeps = {
  env: Env;
  openState: () => Promise<ConsumerState>;
  openController: (target: ControllerTarget) => Promise<ControllerApi & { close: () => Promise<void> }>;
  now: () => Date;
};

export type FollowReport = { consumer: Consumer; ok: boolean; message: string };

function where(c: Consumer): string {
  return `credential "${c.credentialName}" (id ${c.credentialId}) on ${c.controllerUrl}`;
}

/**
 * A server's token was replaced through hub-setup (the wizard, or `login`): every place it was pushed
 * to gets the new one. Best effort: each consumer is tried and reported on its own, and a failure
 * never undoes the new token. The controller sign-in comes from the environment, as for `push`.
 *
 * This is the function every path that stores a server's token calls (the wizard's real-ports and
 * `login`), through consumers/report.ts `followAndReport`, which prints the reports.
 */
export async function tokenReplaced(
  server: { id: string; url: string; authUrl?: string | undefined },
  token: string,
  deps: FollowDeps,
): Promise<FollowReport[]> {
  const state = await deps.openState();
  const consumers = (await state.list()).filter((c) => c.serverId === server.id);
  const reports: FollowReport[] = [];
  for (const consumer of consumers) {
    let api: (ControllerApi & { close: () => Promise<void> }) | undefined;
    try {
      api = await deps.openController(controllerTarget(deps.env, consumer.controllerUrl));
      await api.updateCredential(consumer.credentialId, galaxyInputs(server, token));
      await state.remember({ ...consumer, pushedAt: deps.now() });
      reports.push({ consumer, ok: true, message: `updated ${where(consumer)}` });
    } catch (error) {
      const info = errorInfo(error);
      const hint = info.hint == null ? "" : `; ${info.hint}`;
      // Gone from the controller (deleted there): only a push with an organisation makes it again.
      const gone = info.code === "HUB_NOT_FOUND";
      const again = gone ? " --organization <organization>" : "";
      const outcome = gone ? "was not updated" : "still holds the old token";
      reports.push({
        consumer,
        ok: false,
        message: `${where(consumer)} ${outcome}: ${info.message}${hint}. Then run \`hub-setup controller push --credential "${consumer.credentialName}" --server ${consumer.serverId} --controller-url ${consumer.controllerUrl}${again}\``,
      });
    } finally {
      await api?.close();
    }
  }
  return reports;
}
