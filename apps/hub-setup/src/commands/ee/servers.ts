import {
  CLOUD_CLIENT_ID,
  galaxyServerEnvVar,
  HubSetupError,
  tokenFingerprint,
  type BuildSecretServer,
  type ErrorCode,
} from "@hub-setup/core";
import type { HubChecks, LoadedConfig, RefreshFailureOutcome } from "../../ports.js";
import type { ServerView } from "../../servers/servers.js";

/** The servers a build gets, as Ansible here would use them, and the offline tokens to refresh first. */
export type SecretPlan = {
  servers: BuildSecretServer[];
  /** Offline tokens, each once per SSO endpoint and client, with the servers that use it. */
  offline: Array<{ serverIds: string[]; token: string; redacted: string; authUrl: string; clientId: string }>;
  /** Every token the secret holds, with its server and redacted form: what the image is searched for. */
  tokens: Array<{ serverId: string; value: string; redacted: string }>;
};

/**
 * What goes into the build secret: every galaxy server the ansible.cfg read here lists, with its URL,
 * SSO settings and token (from the environment, the store or the file, as `exec` would give it).
 * A server Ansible could not use, one on a user name and password, or a hub with no token stops the
 * build before it starts: the build would fail at the install step, or install from the wrong place.
 */
export function secretPlan(config: LoadedConfig, views: readonly ServerView[]): SecretPlan {
  if (views.length === 0) {
    throw new HubSetupError(
      "CONFIG_NOT_FOUND",
      config.path === undefined
        ? "no ansible.cfg is read here, so there is no galaxy server to give the build"
        : `${config.path} lists no galaxy server, so there is none to give the build`,
      { hint: "Run `hub-setup` here first to connect a hub, then build again." },
    );
  }
  const problems: string[] = [];
  const servers: BuildSecretServer[] = [];
  const offline = new Map<string, SecretPlan["offline"][number]>();
  const tokens: SecretPlan["tokens"] = [];
  for (const view of views) {
    for (const p of view.problems) if (p.severity === "error") problems.push(`${view.id}: ${p.message}`);
    if (view.basicAuth) {
      problems.push(
        `${view.id}: uses a user name and password; ee passes tokens only (put an API token in hub-setup's store with \`hub-setup\`)`,
      );
    }
    if (view.url === undefined) continue;
    if (needsTokenButHasNone(view)) {
      problems.push(
        `${view.id}: has no token (none in the environment, hub-setup's store or ansible.cfg), so the hub would refuse the build's install step; run \`hub-setup login --server ${view.id}\`, or set ${galaxyServerEnvVar(view.id, "token")}`,
      );
    }
    const server: BuildSecretServer = { id: view.id, url: view.url };
    if (view.authUrl !== undefined) server.authUrl = view.authUrl;
    if (view.clientId !== undefined) server.clientId = view.clientId;
    if (view.validateCerts !== undefined) server.validateCerts = view.validateCerts;
    if (view.token !== undefined && !view.basicAuth) {
      server.token = view.token.value;
      tokens.push({ serverId: view.id, value: view.token.value, redacted: view.token.redacted });
    }
    servers.push(server);
    if (view.token?.kind === "offline" && view.authUrl !== undefined) {
      const clientId = view.clientId ?? CLOUD_CLIENT_ID;
      const key = `${view.token.value} ${view.authUrl} ${clientId}`;
      const known = offline.get(key);
      if (known !== undefined) known.serverIds.push(view.id);
      else
        offline.set(key, {
          serverIds: [view.id],
          token: view.token.value,
          redacted: view.token.redacted,
          authUrl: view.authUrl,
          clientId,
        });
    }
  }
  if (problems.length > 0) {
    throw new HubSetupError(
      "CONFIG_PARSE",
      `the galaxy servers here cannot be given to a build:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      { hint: "`hub-setup status` shows each server; fix them, then build again." },
    );
  }
  return { servers, offline: [...offline.values()], tokens };
}

/**
 * A hub server without a token, the same rule as `status`: galaxy.ansible.com needs none, Basic auth
 * uses no token, and a store that could not be read or a withheld token is its own problem already.
 */
function needsTokenButHasNone(view: ServerView): boolean {
  return (
    view.token === undefined &&
    !view.basicAuth &&
    !view.storeUnreadable &&
    view.withheld === undefined &&
    view.kind !== "galaxy"
  );
}

const CODE_OF: Record<RefreshFailureOutcome, ErrorCode> = {
  expired: "TOKEN_EXPIRED",
  rejected: "TOKEN_REJECTED",
  "wrong-client": "WRONG_CLIENT",
  unavailable: "UNAVAILABLE",
  network: "NETWORK",
};

/**
 * Refreshes each offline token at its SSO: the 30-day idle clock starts again, so a token does not
 * lapse between this check and the install step. A refused token stops here, with a plain message.
 * `when` says what the refresh is for, in the message ("before the build", "after the build failed").
 */
export async function refreshOffline(
  plan: SecretPlan,
  checks: Pick<HubChecks, "refresh">,
  signal: AbortSignal,
  when: string,
): Promise<Array<{ serverIds: string[]; fingerprint: string }>> {
  const done: Array<{ serverIds: string[]; fingerprint: string }> = [];
  for (const t of plan.offline) {
    const result = await checks.refresh({ token: t.token, authUrl: t.authUrl, clientId: t.clientId }, signal);
    if (!result.ok) {
      const names = t.serverIds.join(", ");
      const auth = result.outcome !== "unavailable" && result.outcome !== "network";
      throw new HubSetupError(
        CODE_OF[result.outcome],
        `${when}: the offline token of ${names} (${t.redacted}) was refused by ${t.authUrl}: ${result.message}`,
        {
          hint: auth
            ? "Load a new offline token (console.redhat.com › Automation Hub › Connect to Hub), run `hub-setup` to store it, then build again."
            : "Check the network or proxy to the SSO, then build again.",
        },
      );
    }
    done.push({ serverIds: t.serverIds, fingerprint: tokenFingerprint(t.token) });
  }
  return done;
}
