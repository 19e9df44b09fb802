/**
 * A new private automation hub API token from galaxy_ng's token endpoint (reference §7): `POST
 * <prefix>/v3/auth/token/` with an empty body and the user's Basic credentials answers `{"token": "<40
 * hex>"}`, and DELETES every other token of that user first (as the UI's "Load token" does). So the
 * request is sent once, never retried: a retry would revoke the token the first attempt may have made.
 */
import { HubSetupError } from "../errors.js";
import { basicAuthorization } from "../http/basic-auth.js";
import { describeUrl, isHttpRequestError, type HttpPort } from "../http/http-port.js";
import { describeNetworkFailure, describeNonJson } from "../http/messages.js";
import { readJsonBody, stringField } from "../http/response-body.js";

/**
 * The token endpoint for a private hub server URL: the API prefix is what comes before `content/<repo>/`
 * (or before `v3/`), or the URL itself when it is the prefix (`…/api/galaxy/`, the published repository).
 * Undefined when the URL is not an http(s) URL.
 */
export function hubTokenEndpoint(serverUrl: string): string | undefined {
  let u: URL;
  try {
    u = new URL(serverUrl.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return undefined;
  const segments = u.pathname.split("/").filter((s) => s !== "");
  const at = segments.findIndex((s) => s === "content" || s === "v3");
  const prefix = at < 0 ? segments : segments.slice(0, at);
  const path = prefix.length === 0 ? "/" : `/${prefix.join("/")}/`;
  return `${u.origin}${path}v3/auth/token/`;
}

export type MintHubTokenOptions = {
  /** The server's url (a `…/content/<repo>/` URL or the API prefix). */
  serverUrl: string;
  username: string;
  password: string;
  http: HttpPort;
  signal?: AbortSignal;
  /** The longest the one request may take (default 30 s). */
  timeoutMs?: number;
};

const WHO = "the private hub";

/**
 * Mints a new token for `username` (every other token of that user stops working). Throws a
 * HubSetupError: TOKEN_REJECTED for a wrong user name or password (401), HUB_FORBIDDEN when the user
 * may not (403), HUB_NOT_FOUND when there is no token endpoint there (404, 405, an answer with no
 * token), UNAVAILABLE for a failing hub, NETWORK/CANCELLED when no answer came. No message holds the
 * password or the token.
 */
export async function mintHubToken(opts: MintHubTokenOptions): Promise<string> {
  const endpoint = hubTokenEndpoint(opts.serverUrl);
  if (endpoint === undefined)
    throw new HubSetupError("INVALID_URL", "the server's url is not an http(s) URL");
  const where = describeUrl(endpoint);
  const secrets = [opts.password];
  let res;
  try {
    res = await opts.http.request({
      method: "POST",
      url: endpoint,
      headers: {
        authorization: basicAuthorization(opts.username, opts.password),
        accept: "application/json",
      },
      body: "",
      timeoutMs: opts.timeoutMs ?? 30_000,
      ...(opts.signal === undefined ? {} : { signal: opts.signal }),
    });
  } catch (error) {
    if (!isHttpRequestError(error) || error.code === "CANCELLED") throw error;
    const d = describeNetworkFailure(WHO, where, { kind: "error", error, attempts: 1 });
    throw new HubSetupError("NETWORK", d.message, { hint: d.hint });
  }
  // People put the password in the user name's place: a user name that holds it is not quoted.
  const user =
    opts.password !== "" && opts.username.includes(opts.password)
      ? "the user name given (it holds the password, so it is not shown)"
      : JSON.stringify(opts.username);
  if (res.status === 401) {
    throw new HubSetupError(
      "TOKEN_REJECTED",
      `${WHO} at ${where} refused the user name ${user} or its password (HTTP 401)`,
      {
        hint: "check the user name and password you sign in to the hub's web UI with",
      },
    );
  }
  if (res.status === 403) {
    throw new HubSetupError(
      "HUB_FORBIDDEN",
      `${WHO} at ${where} does not let ${user} make a token (HTTP 403)`,
      {
        hint: "ask the hub's administrator, or load a token in the hub's web UI (Collections › API token)",
      },
    );
  }
  if (res.status === 404 || res.status === 405) {
    throw new HubSetupError("HUB_NOT_FOUND", `no token endpoint at ${where} (HTTP ${res.status})`, {
      hint: "check the server's url (a private hub's is https://<hub>/api/galaxy/content/<repository>/), or load a token in the hub's web UI",
    });
  }
  if (res.status !== 200 && res.status !== 201) {
    throw new HubSetupError(
      "UNAVAILABLE",
      `${WHO} at ${where} is failing (HTTP ${res.status}): no token was made`,
      {
        hint: "try again later",
      },
    );
  }
  const body = readJsonBody(res, secrets);
  const token = body.ok ? stringField(body.json, "token")?.trim() : undefined;
  if (token === undefined || token === "" || /\s/.test(token)) {
    if (body.ok) {
      throw new HubSetupError(
        "HUB_NOT_FOUND",
        `${WHO} at ${where} answered with no token (HTTP ${res.status})`,
        {
          hint: "this is not galaxy_ng's token endpoint: check the server's url, or load a token in the hub's web UI",
        },
      );
    }
    const d = describeNonJson(WHO, where, res.status, body.what);
    throw new HubSetupError("HUB_NOT_FOUND", d.message, { hint: d.hint });
  }
  return token;
}
