import { CLOUD_CLIENT_ID, classifyToken, tokenFingerprint } from "@hub-setup/core";
import type { ServerView, TokenOrigin } from "../../servers/servers.js";

/** One offline token to exchange at one SSO; several servers may share it (published + validated). */
export type RefreshTarget = {
  serverIds: string[];
  token: string;
  fingerprint: string;
  redacted: string;
  origin: TokenOrigin;
  authUrl: string;
  clientId: string;
};

/** The token endpoint of the realm that issued a token: `<iss>/protocol/openid-connect/token`. */
export function tokenEndpointOf(issuer: string): string | undefined {
  try {
    const url = new URL(issuer);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    return `${issuer.replace(/\/+$/, "")}/protocol/openid-connect/token`;
  } catch {
    return undefined;
  }
}

function add(targets: Map<string, RefreshTarget>, t: Omit<RefreshTarget, "serverIds">, id: string): void {
  const key = `${t.fingerprint} ${t.authUrl} ${t.clientId}`;
  const known = targets.get(key);
  if (known === undefined) targets.set(key, { ...t, serverIds: [id] });
  else if (!known.serverIds.includes(id)) known.serverIds.push(id);
}

/**
 * What `refresh` exchanges: the token of every server that uses an SSO (`auth_url` set, no user name),
 * wherever it comes from; then every offline token in the store that the ansible.cfg read here does
 * not list (a timer runs from the home folder, not the project), at the endpoint of the realm that
 * issued it, with the client it was issued to. The same token at the same endpoint is exchanged once.
 */
export function refreshTargets(
  views: readonly ServerView[],
  stored: ReadonlyArray<{ id: string; token: string }>,
): RefreshTarget[] {
  const targets = new Map<string, RefreshTarget>();
  for (const view of views) {
    if (view.basicAuth || view.token === undefined || view.authUrl === undefined) continue;
    const { value, redacted, origin } = view.token;
    const clientId = view.clientId ?? CLOUD_CLIENT_ID;
    add(
      targets,
      {
        token: value,
        fingerprint: tokenFingerprint(value),
        redacted,
        origin,
        authUrl: view.authUrl,
        clientId,
      },
      view.id,
    );
  }
  const configured = new Set(views.map((v) => v.id));
  for (const { id, token } of stored) {
    if (configured.has(id)) continue;
    const info = classifyToken(token);
    if (!info.ok || info.kind !== "offline" || info.claims?.iss === undefined) continue;
    const authUrl = tokenEndpointOf(info.claims.iss);
    if (authUrl === undefined) continue;
    const clientId = info.claims.azp ?? CLOUD_CLIENT_ID;
    const fingerprint = tokenFingerprint(info.value);
    add(
      targets,
      { token: info.value, fingerprint, redacted: info.redacted, origin: "store", authUrl, clientId },
      id,
    );
  }
  return [...targets.values()];
}
