/**
 * Exchanging an offline token for an access token, exactly as ansible-galaxy does (reference §4): a form
 * POST of grant_type, client_id and refresh_token, in that order, not URL-encoded. Doing it also resets
 * the token's 30-day idle timer. Every way it can fail is a typed outcome with a message saying what to do.
 */
import { HubSetupError, type ErrorCode } from "../errors.js";
import { decodeJwt } from "../token/jwt.js";
import { normalizeTokenInput } from "../token/normalize.js";
import { describeUrl, scrubServerText, type HttpPort, type HttpResponse } from "../http/http-port.js";
import { explainInvalidGrant, unknownClient } from "./keycloak.js";
import { describeNetworkFailure, describeNonJson, describeRetriedOut } from "../http/messages.js";
import { CLOUD_CLIENT_ID, RED_HAT_SSO_TOKEN_URL } from "./red-hat.js";
import { readJsonBody, stringField } from "../http/response-body.js";
import { exchange, type Pacing } from "../http/retry.js";

export type RefreshOutcome = "expired" | "wrong-client" | "rejected" | "unavailable" | "network";

export type RefreshResult =
  | { ok: true; accessToken: string; expiresIn: number; attempts: number }
  | { ok: false; outcome: RefreshOutcome; message: string; attempts: number; error: HubSetupError };

export type RefreshOptions = Pacing & {
  /** The offline token (quotes and a pasted prefix are removed first). */
  token: string;
  /** The token endpoint (`auth_url`); Red Hat SSO's by default. */
  authUrl?: string;
  clientId?: string;
  http: HttpPort;
};

const CODE: Record<RefreshOutcome, ErrorCode> = {
  expired: "TOKEN_EXPIRED",
  "wrong-client": "WRONG_CLIENT",
  rejected: "TOKEN_REJECTED",
  unavailable: "UNAVAILABLE",
  network: "NETWORK",
};

type Failure = { outcome: RefreshOutcome; message: string; hint?: string; code?: ErrorCode; cause?: unknown };

function fail(f: Failure, attempts: number): RefreshResult {
  const options: { hint?: string; cause?: unknown } = {};
  if (f.hint !== undefined) options.hint = f.hint;
  if (f.cause !== undefined) options.cause = f.cause;
  const error = new HubSetupError(f.code ?? CODE[f.outcome], f.message, options);
  return { ok: false, outcome: f.outcome, message: f.message, attempts, error };
}

/** A 2xx from the token endpoint: the access token and its lifetime, or why the answer is unusable. */
function accepted(
  res: HttpResponse,
  secrets: readonly string[],
  authUrl: string,
  attempts: number,
): RefreshResult {
  const body = readJsonBody(res, secrets);
  if (!body.ok) {
    return fail(describeNonJson("Red Hat SSO", describeUrl(authUrl), res.status, body.what), attempts);
  }
  const accessToken = stringField(body.json, "access_token");
  const expiresIn = body.json["expires_in"];
  if (accessToken === undefined || accessToken === "") {
    return fail(
      {
        outcome: "unavailable",
        message: `Red Hat SSO at ${describeUrl(authUrl)} answered HTTP ${res.status} without an access_token: it is not a working token endpoint.`,
      },
      attempts,
    );
  }
  if (typeof expiresIn !== "number" || !Number.isInteger(expiresIn) || expiresIn < 0) {
    const message = `the SSO at ${describeUrl(authUrl)} answered without an integer expires_in: ansible-core 2.18+ fails on that ('expires_in'), so this is not a usable token endpoint.`;
    return fail({ outcome: "unavailable", message }, attempts);
  }
  return { ok: true, accessToken, expiresIn, attempts };
}

/**
 * A token endpoint answers the POST itself; a redirect (often to a login page) means auth_url points at
 * something else, or a proxy or portal is in the way: a configuration or network problem, not a refusal
 * of the token. The POST is never re-sent (the token would follow it). Where it pointed is named without
 * its query, which may carry a session.
 */
function redirected(res: HttpResponse, authUrl: string, where: string): Failure {
  const location = res.headers["location"];
  let target = "no Location header";
  if (location !== undefined) {
    try {
      const u = new URL(location, authUrl);
      target = `${u.protocol}//${u.host}${u.pathname}${u.search === "" ? "" : "?…"}`;
    } catch {
      target = "an address that is not a URL";
    }
  }
  const hint = `check auth_url (Red Hat's token endpoint is ${RED_HAT_SSO_TOKEN_URL}), and any proxy or captive portal on the way`;
  return {
    outcome: "network",
    message: `the SSO at ${where} answered HTTP ${res.status}, a redirect (to ${target}), instead of a token: auth_url is probably wrong; nothing was sent there.`,
    hint,
  };
}

export async function refreshOfflineToken(options: RefreshOptions): Promise<RefreshResult> {
  const { http, clientId = CLOUD_CLIENT_ID, authUrl = RED_HAT_SSO_TOKEN_URL } = options;
  // Only the shape is checked up front; the claims are read only when a refusal needs them.
  const token = normalizeTokenInput(options.token);
  if (!token.ok) {
    return fail(
      { outcome: "rejected", code: "INVALID_TOKEN", message: `not an offline token: ${token.reason}.` },
      0,
    );
  }
  if (token.value.length === 40 && /^[0-9a-f]{40}$/.test(token.value)) {
    const message =
      "this is a private automation hub API token (40 hex characters), not a Red Hat offline token: it is sent as `Token …` to its hub, never to Red Hat SSO.";
    return fail({ outcome: "rejected", code: "INVALID_TOKEN", message }, 0);
  }
  const secrets = [token.value];
  const result = await exchange(
    http,
    {
      method: "POST",
      url: authUrl,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `grant_type=refresh_token&client_id=${clientId}&refresh_token=${token.value}`,
    },
    options,
  );
  if (result.kind === "response") {
    const { response, attempts } = result;
    // The common case first, and cheaply: a 200 with the access token (no URL parsing, no scrubbing).
    if (response.status >= 200 && response.status < 300)
      return accepted(response, secrets, authUrl, attempts);
  }
  const where = describeUrl(authUrl);
  if (result.kind === "deadline") {
    return fail(
      describeNetworkFailure("Red Hat SSO", where, { kind: "deadline", deadlineMs: result.deadlineMs }),
      result.attempts,
    );
  }
  if (result.kind === "network") {
    const f = describeNetworkFailure("Red Hat SSO", where, {
      kind: "error",
      error: result.error,
      attempts: result.attempts,
    });
    return fail({ ...f, cause: result.error }, result.attempts);
  }
  const { response: res, attempts } = result;
  const body = readJsonBody(res, secrets);
  if (res.status === 429 || res.status >= 500) {
    return fail(
      describeRetriedOut("Red Hat SSO", where, res.status, attempts, result.retryAfterMs),
      attempts,
    );
  }
  if (res.status >= 300 && res.status < 400) return fail(redirected(res, authUrl, where), attempts);
  if (res.status === 407) {
    return fail(describeNetworkFailure("Red Hat SSO", where, { kind: "proxy-auth" }), attempts);
  }
  // What the server says goes into our message, so it is cut short and scrubbed of the token first.
  const serverSays = (key: string): string | undefined => {
    const v = body.ok ? stringField(body.json, key) : undefined;
    return v === undefined ? undefined : scrubServerText(v, secrets).slice(0, 200);
  };
  const error = serverSays("error");
  const description = serverSays("error_description");
  const jwt = decodeJwt(token.value);
  const tokenClient = jwt.ok ? jwt.claims.azp : undefined;
  if (res.status === 400 && error === "invalid_grant") {
    const r = explainInvalidGrant(description, { clientId, tokenClient, authUrl: where });
    return fail(r, attempts);
  }
  if (
    (res.status === 401 || res.status === 400) &&
    (error === "invalid_client" || error === "unauthorized_client")
  ) {
    return fail(unknownClient(clientId, `${error}: ${description ?? "no description"}`), attempts);
  }
  const said = body.ok
    ? `HTTP ${res.status}${error === undefined ? "" : ` ${error}`}${description === undefined ? "" : `: "${description}"`}`
    : `HTTP ${res.status} with ${body.what}`;
  const hint =
    res.status === 404 || res.status === 405 || !body.ok
      ? `check auth_url: Red Hat's token endpoint is ${RED_HAT_SSO_TOKEN_URL}`
      : `check auth_url (${where}) and client_id (${clientId}), or load a new token`;
  return fail(
    { outcome: "rejected", message: `the SSO at ${where} refused the refresh (${said}): ${hint}.`, hint },
    attempts,
  );
}
