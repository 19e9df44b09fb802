/**
 * Checking, live, that a token opens a hub: the same API-root GET ansible-galaxy starts with (reference
 * §5, §6). Private hub: `Authorization: Token <token>`. Cloud: refresh the offline token at Red Hat SSO,
 * then `Authorization: Bearer <access token>`. Every failure says what to do, and a wrong URL comes back
 * with the URL we expected.
 */
import { HubSetupError, type ErrorCode } from "../errors.js";
import { classifyToken } from "../token/classify.js";
import { describeUrl, type HttpPort } from "../http/http-port.js";
import { normalizeHubUrl } from "./hub-url.js";
import type { HubKind, HubServer, VerifyOutcome, VerifyResult } from "./types.js";
import { describeNetworkFailure, describeNonJson, describeRetriedOut } from "../http/messages.js";
import { CLOUD_CLIENT_ID, RED_HAT_SSO_TOKEN_URL } from "../sso/red-hat.js";
import { refreshOfflineToken } from "../sso/refresh.js";
import { readJsonBody } from "../http/response-body.js";
import { DEFAULT_DEADLINE_MS, exchange, type Pacing } from "../http/retry.js";
import { explainHubStatus, tokenKindProblem } from "./verify-messages.js";

export type VerifyOptions = Pacing & { server: HubServer; token: string; http: HttpPort };

const CODE: Record<VerifyOutcome, ErrorCode> = {
  unauthorized: "TOKEN_REJECTED",
  forbidden: "HUB_FORBIDDEN",
  "not-found": "HUB_NOT_FOUND",
  expired: "TOKEN_EXPIRED",
  "wrong-client": "WRONG_CLIENT",
  rejected: "TOKEN_REJECTED",
  unavailable: "UNAVAILABLE",
  network: "NETWORK",
  "wrong-token-kind": "INVALID_TOKEN",
};

type Failure = {
  outcome: VerifyOutcome;
  message: string;
  hint?: string;
  expectedUrl?: string;
  cause?: unknown;
};

function fail(f: Failure): VerifyResult {
  const opts: { hint?: string; cause?: unknown } = {};
  if (f.hint !== undefined) opts.hint = f.hint;
  if (f.cause !== undefined) opts.cause = f.cause;
  const error = new HubSetupError(CODE[f.outcome], f.message, opts);
  const base = { ok: false as const, outcome: f.outcome, message: f.message, error };
  return f.expectedUrl === undefined ? base : { ...base, expectedUrl: f.expectedUrl };
}

/** The API URL we would have used: normalised, or the published repository when it already was. */
function expectedUrlFor(url: string, kind: HubKind): string | undefined {
  try {
    const n = normalizeHubUrl(url, kind);
    if (n.url !== url) return n.url;
    const other = n.url.replace(/\/content\/[^/]+\/$/, "/content/published/");
    return other !== n.url ? other : undefined;
  } catch {
    return undefined;
  }
}

export async function verifyHub(options: VerifyOptions): Promise<VerifyResult> {
  const { server, http } = options;
  const now = options.now ?? ((): number => options.clock.now());
  const started = now();
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const token = classifyToken(options.token);
  const kindProblem = tokenKindProblem(token, server);
  if (kindProblem !== undefined) return fail({ outcome: "wrong-token-kind", ...kindProblem });
  if (!token.ok) throw new Error("unreachable: a rejected token is a kind problem");
  let authorization = `Token ${token.value}`;
  const secrets = [token.value];
  if (server.kind === "cloud") {
    const refreshed = await refreshOfflineToken({
      ...options,
      token: token.value,
      authUrl: server.authUrl ?? RED_HAT_SSO_TOKEN_URL,
      clientId: server.clientId ?? CLOUD_CLIENT_ID,
    });
    if (!refreshed.ok) {
      return fail({ outcome: refreshed.outcome, message: refreshed.message, cause: refreshed.error });
    }
    authorization = `Bearer ${refreshed.accessToken}`;
    secrets.push(refreshed.accessToken);
  }
  const url = server.url.trim();
  const where = describeUrl(url);
  const who = server.kind === "cloud" ? "Red Hat Automation Hub" : "the private hub";
  const result = await exchange(
    http,
    { method: "GET", url, headers: { authorization, accept: "application/json" } },
    { ...options, deadlineMs: Math.max(1, deadlineMs - (now() - started)) },
  );
  if (result.kind === "deadline") {
    return fail(describeNetworkFailure(who, where, { kind: "deadline", deadlineMs: result.deadlineMs }));
  }
  if (result.kind === "network") {
    const f = describeNetworkFailure(who, where, {
      kind: "error",
      error: result.error,
      attempts: result.attempts,
    });
    return fail({ ...f, cause: result.error });
  }
  const { response: res, attempts } = result;
  const expectedUrl = expectedUrlFor(url, server.kind);
  const withExpected = expectedUrl === undefined ? {} : { expectedUrl };
  if (res.status >= 200 && res.status < 300) {
    const body = readJsonBody(res, secrets);
    if (!body.ok) {
      const f = describeNonJson(who, where, res.status, body.what);
      const notApi = `this is not a hub API URL${expectedUrl === undefined ? "" : `: expected ${expectedUrl}`}`;
      return fail({
        outcome: "not-found",
        message: `${notApi} (${f.message})`,
        hint: notApi,
        ...withExpected,
      });
    }
    const versions = body.json["available_versions"];
    if (typeof versions !== "object" || versions == null || Array.isArray(versions)) {
      const notApi = `this is not a hub API URL: ${where} answered JSON without available_versions`;
      const tail = expectedUrl === undefined ? "" : `; expected ${expectedUrl}`;
      return fail({
        outcome: "not-found",
        message: `${notApi}${tail}.`,
        hint: `use ${expectedUrl ?? "the hub's API URL"}`,
        ...withExpected,
      });
    }
    return { ok: true, apiVersions: Object.keys(versions), url };
  }
  if (res.status === 429 || res.status >= 500) {
    return fail(describeRetriedOut(who, where, res.status, attempts, result.retryAfterMs));
  }
  return fail({ ...explainHubStatus(res, { server, who, where, secrets, expectedUrl }), ...withExpected });
}
