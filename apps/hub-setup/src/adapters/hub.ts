/** The live hub check and the SSO refresh, over core and undici (loaded lazily). */
import { mintHubToken, refreshOfflineToken, sampleCollection, verifyHub, type Sleep } from "@hub-setup/core";
import type { Env, HubChecks, HubTarget, RefreshResult } from "../ports.js";

/** Retry pacing for the SSO and hub requests (tests shorten the backoff, or record it without waiting). */
export type NetworkPacing = {
  retry?: { retries?: number; baseMs?: number; maxMs?: number };
  deadlineMs?: number;
  /** The wait between attempts; core's timer by default. */
  sleep?: Sleep;
  /** The jitter source, [0, 1); Math.random by default. */
  random?: () => number;
};

/** Whether https:// and http:// each get any HTTP answer at `hostPort` (no token sent; 5 s each). */
export async function probeSchemes(
  env: Env,
  hostPort: string,
  signal: AbortSignal,
): Promise<{ https: boolean; http: boolean }> {
  const { createHttp } = await import("@hub-setup/core/node");
  const http = createHttp({ env: { ...env }, validateCerts: false, connectTimeoutMs: 5_000 });
  const answers = async (scheme: string): Promise<boolean> =>
    http
      .request({ method: "GET", url: `${scheme}://${hostPort}/`, signal, timeoutMs: 5_000 })
      .then(() => true)
      .catch(() => false);
  try {
    const [https, plain] = await Promise.all([answers("https"), answers("http")]);
    return { https, http: plain };
  } finally {
    await http.close();
  }
}

/**
 * A new private hub token from galaxy_ng's token endpoint (one POST with the user's Basic credentials;
 * every other token of that user stops working). Core's mintHubToken over undici.
 */
export async function mintPrivateHubToken(
  env: Env,
  target: HubTarget,
  username: string,
  password: string,
  signal: AbortSignal,
): Promise<string> {
  const { createHttp } = await import("@hub-setup/core/node");
  const http = createHttp({ env: { ...env }, validateCerts: target.validateCerts !== false });
  try {
    return await mintHubToken({ serverUrl: target.url, username, password, http, signal });
  } finally {
    await http.close();
  }
}

/** One collection the hub serves (best effort: undefined on any failure), for the wizard's "Try it". */
export async function sampleCollectionOf(
  env: Env,
  target: HubTarget,
  token: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const { createHttp, nodeClock } = await import("@hub-setup/core/node");
  const http = createHttp({ env: { ...env }, validateCerts: target.validateCerts !== false });
  try {
    const server = {
      kind: target.kind === "cloud" ? ("cloud" as const) : ("private" as const),
      url: target.url,
      ...(target.authUrl === undefined ? {} : { authUrl: target.authUrl }),
      ...(target.clientId === undefined ? {} : { clientId: target.clientId }),
    };
    return await sampleCollection({ server, token, http, clock: nodeClock, signal, deadlineMs: 10_000 });
  } catch {
    return undefined;
  } finally {
    await http.close();
  }
}

/**
 * The live hub check and the SSO refresh over undici. One HTTP client (one connection pool) for servers
 * that verify certificates and, only if a server says validate_certs = false, one that does not.
 */
export async function openHubChecks(env: Env, pacing: NetworkPacing = {}): Promise<HubChecks> {
  const { createHttp, nodeClock } = await import("@hub-setup/core/node");
  const clients = new Map<boolean, ReturnType<typeof createHttp>>();
  const client = (validateCerts: boolean) => {
    let http = clients.get(validateCerts);
    if (http === undefined) {
      http = createHttp({ env: { ...env }, validateCerts });
      clients.set(validateCerts, http);
    }
    return http;
  };
  const pace = (signal: AbortSignal) => ({
    signal,
    clock: nodeClock,
    ...(pacing.retry === undefined ? {} : { retry: pacing.retry }),
    ...(pacing.deadlineMs === undefined ? {} : { deadlineMs: pacing.deadlineMs }),
    ...(pacing.sleep === undefined ? {} : { sleep: pacing.sleep }),
    ...(pacing.random === undefined ? {} : { random: pacing.random }),
  });
  return {
    verify: async (target, token, signal) => {
      const server = {
        kind: target.kind === "cloud" ? ("cloud" as const) : ("private" as const),
        url: target.url,
        ...(target.authUrl === undefined ? {} : { authUrl: target.authUrl }),
        ...(target.clientId === undefined ? {} : { clientId: target.clientId }),
      };
      const http = client(target.validateCerts !== false);
      const result = await verifyHub({ server, token, http, ...pace(signal) });
      if (result.ok) return { ok: true, detail: `API ${result.apiVersions.join(", ")}` };
      const failed = {
        ok: false,
        outcome: result.outcome,
        message: result.message,
        error: result.error,
      } as const;
      return result.expectedUrl === undefined ? failed : { ...failed, expectedUrl: result.expectedUrl };
    },
    refresh: async (request, signal): Promise<RefreshResult> => {
      const result = await refreshOfflineToken({ ...request, http: client(true), ...pace(signal) });
      return result.ok
        ? { ok: true, expiresIn: result.expiresIn, attempts: result.attempts }
        : { ok: false, outcome: result.outcome, message: result.message, attempts: result.attempts };
    },
    close: async () => {
      await Promise.all([...clients.values()].map((c) => c.close()));
      clients.clear();
    },
  };
}
