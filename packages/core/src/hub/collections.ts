/**
 * One collection a hub repository really serves, to name in a "try it" line: `GET <url>v3/collections/
 * ?limit=1`, the listing ansible-galaxy's API also answers (galaxy_ng, console.redhat.com). Best effort:
 * any failure is `undefined`, and the caller falls back to a generic line.
 */
import { classifyToken } from "../token/classify.js";
import type { HttpPort } from "../http/http-port.js";
import { readJsonBody } from "../http/response-body.js";
import { exchange, type Pacing } from "../http/retry.js";
import { CLOUD_CLIENT_ID, RED_HAT_SSO_TOKEN_URL } from "../sso/red-hat.js";
import { refreshOfflineToken } from "../sso/refresh.js";
import type { HubServer } from "./types.js";

export type SampleCollectionOptions = Pacing & { server: HubServer; token: string; http: HttpPort };

const NAME = /^[a-z0-9_]+$/i;

/** `namespace.name` of the first collection the repository lists, or undefined (none, or no answer). */
export async function sampleCollection(options: SampleCollectionOptions): Promise<string | undefined> {
  const { server, http } = options;
  const token = classifyToken(options.token);
  if (!token.ok) return undefined;
  let authorization = `Token ${token.value}`;
  const secrets = [token.value];
  if (server.kind === "cloud") {
    const refreshed = await refreshOfflineToken({
      ...options,
      retry: { retries: 0 },
      token: token.value,
      authUrl: server.authUrl ?? RED_HAT_SSO_TOKEN_URL,
      clientId: server.clientId ?? CLOUD_CLIENT_ID,
    });
    if (!refreshed.ok) return undefined;
    authorization = `Bearer ${refreshed.accessToken}`;
    secrets.push(refreshed.accessToken);
  }
  const base = server.url.trim().endsWith("/") ? server.url.trim() : `${server.url.trim()}/`;
  const result = await exchange(
    http,
    {
      method: "GET",
      url: `${base}v3/collections/?limit=1`,
      headers: { authorization, accept: "application/json" },
    },
    { ...options, retry: { retries: 0 } },
  ).catch(() => undefined);
  if (result?.kind !== "response" || result.response.status !== 200) return undefined;
  const body = readJsonBody(result.response, secrets);
  if (!body.ok) return undefined;
  const data = body.json["data"];
  const first: unknown = Array.isArray(data) ? data[0] : undefined;
  if (typeof first !== "object" || first == null) return undefined;
  const { namespace, name } = first as Record<string, unknown>;
  const ns =
    typeof namespace === "object" && namespace != null
      ? (namespace as Record<string, unknown>)["name"]
      : namespace;
  return typeof ns === "string" && typeof name === "string" && NAME.test(ns) && NAME.test(name)
    ? `${ns}.${name}`
    : undefined;
}
