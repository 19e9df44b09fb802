import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { mintAccessToken, mintHubToken, mintOfflineToken } from "@hub-setup/test-utils";
import { HubSetupError } from "../../src/errors.js";
import {
  redact,
  refreshOfflineToken,
  verifyHub,
  type RefreshResult,
  type VerifyResult,
} from "../../src/index.js";
import { createHttp } from "../../src/node/net/index.js";
import { nodeClock } from "../../src/node/clock.js";
import {
  json,
  keycloakError,
  keycloakOk,
  noWait,
  startProxy,
  startServer,
  type Recorded,
  type Reply,
} from "../support-token/index.js";

/**
 * No outcome may print a token. For each one we collect every string a command could show or log (the
 * message, the hint, String(error), error.stack, JSON.stringify and util.inspect of the error and of
 * the whole result, causes included) and look for the token, the access token and pieces of them.
 * Hostile servers echo the token back in their answers, so the scrubbing is tested too.
 */
/** The secret and every 24-character window of it at a stride of 12: any leaked run of 36+ characters is caught. */
function pieces(secret: string): string[] {
  const out = [secret];
  for (let i = 0; i + 24 <= secret.length; i += 12) out.push(secret.slice(i, i + 24));
  return out;
}

function printed(result: RefreshResult | VerifyResult, error: HubSetupError): string[] {
  const out = [
    error.message,
    error.hint ?? "",
    String(error),
    error.stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    JSON.stringify(result, (k, v: unknown) => (k === "accessToken" ? "(allowed in a success)" : v)),
    inspect(result, { depth: Infinity }),
  ];
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    out.push(String(cause), cause.stack ?? "", inspect(cause, { depth: Infinity, showHidden: true }));
    cause = cause.cause;
  }
  return out;
}

function expectNoLeak(texts: string[], secrets: string[]): void {
  for (const secret of secrets) {
    for (const piece of pieces(secret)) {
      for (const text of texts)
        expect(text.includes(piece), `leaked ${redact(secret)} in: ${text.slice(0, 300)}`).toBe(false);
    }
  }
}

const echo = (token: string, access: string) => `${token} ${access}`;

type Case = [string, (t: string, a: string) => Reply | "reset" | "hang"];

const ssoCases: Case[] = [
  ...[
    "Offline user session not found",
    "Offline session not active",
    "Session not active",
    "Token is not active",
    "Stale token",
    "Invalid refresh token",
    "Invalid refresh token. Token client and authorized client don't match",
    "User disabled",
    "Session doesn't have required client",
    "Maximum allowed refresh token reuse exceeded",
  ].map((d): Case => [
    `invalid_grant ${d} (echoing the token)`,
    (t, a) => keycloakError(`${d} ${echo(t, a)}`),
  ]),
  [
    "401 invalid_client echoing",
    (t, a) => keycloakError(`Invalid client ${echo(t, a)}`, "invalid_client", 401),
  ],
  ["400 other error echoing", (t, a) => keycloakError(echo(t, a), `invalid_request ${t}`)],
  [
    "404 HTML page echoing in its title",
    (t) => ({
      status: 404,
      headers: { "content-type": "text/html" },
      body: `<html><title>no ${t}</title></html>`,
    }),
  ],
  [
    "200 HTML proxy page echoing",
    (t) => ({
      status: 200,
      headers: { "content-type": "text/html" },
      body: `<html><title>${t}</title></html>`,
    }),
  ],
  [
    "200 wrong content type echoing",
    (t) => ({ status: 200, headers: { "content-type": "text/plain" }, body: t }),
  ],
  [
    "200 broken JSON echoing",
    (t) => ({ status: 200, headers: { "content-type": "application/json" }, body: `{${t}` }),
  ],
  ["200 without expires_in", (_t, a) => json(200, { access_token: a })],
  ["503 echoing", (t) => json(503, { error: t })],
  ["429 echoing", (t) => ({ status: 429, headers: { "retry-after": "600", "x-echo": t }, body: t })],
  ["reset", () => "reset"],
  ["hang", () => "hang"],
];

async function refreshCase(reply: (t: string, a: string) => Reply | "reset" | "hang") {
  const token = mintOfflineToken();
  const access = mintAccessToken();
  const sso = await startServer([reply(token, access)]);
  const http = createHttp({ env: {} });
  try {
    const result = await refreshOfflineToken({
      token,
      authUrl: sso.url,
      http,
      retry: { retries: 1, baseMs: 1, maxMs: 2 },
      deadlineMs: 400,
      ...noWait(),
    });
    return { result, token, access };
  } finally {
    await http.close();
  }
}

describe("no outcome prints a token", () => {
  it.each(ssoCases)("refresh: %s", async (_name, reply) => {
    const { result, token, access } = await refreshCase(reply);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectNoLeak(printed(result, result.error), [token, access]);
  });

  it("refresh: refused connection, proxy 407, and a hub token passed by mistake", async () => {
    const token = mintOfflineToken();
    const closed = await startServer([keycloakOk("x")]);
    await closed.close();
    const proxy = await startProxy({ requireAuth: true });
    const open = await startServer([keycloakOk(mintAccessToken())]);
    const direct = createHttp({ env: {} });
    const viaProxy = createHttp({ env: { HTTP_PROXY: proxy.url } });
    try {
      const results = [
        await refreshOfflineToken({ token, authUrl: closed.url, http: direct, ...noWait() }),
        await refreshOfflineToken({ token, authUrl: open.url, http: viaProxy, ...noWait() }),
      ];
      const hub = mintHubToken();
      results.push(
        await refreshOfflineToken({ token: hub, authUrl: open.url, http: direct, clock: nodeClock }),
      );
      for (const r of results) {
        expect(r.ok).toBe(false);
        if (!r.ok) expectNoLeak(printed(r, r.error), [token, hub]);
      }
    } finally {
      await direct.close();
      await viaProxy.close();
    }
  });

  it("refresh: a cancelled request", async () => {
    const token = mintOfflineToken();
    const c = new AbortController();
    // Cancelled once the request has reached the server (which never answers), not after a guessed delay.
    const sso = await startServer(() => {
      c.abort();
      return "hang";
    });
    const http = createHttp({ env: {} });
    let error: unknown;
    try {
      error = await refreshOfflineToken({
        token,
        authUrl: sso.url,
        http,
        signal: c.signal,
        clock: nodeClock,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
    } finally {
      await http.close();
    }
    expect(sso.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(HubSetupError);
    const e = error as HubSetupError;
    expectNoLeak(
      [
        e.message,
        String(e),
        e.stack ?? "",
        JSON.stringify(e),
        inspect(e, { showHidden: true, depth: Infinity }),
      ],
      [token],
    );
  });

  const hubCases: [string, "cloud" | "private", (req: Recorded, t: string) => Reply | "reset" | "hang"][] = [
    [
      "401 echoing the Authorization header",
      "private",
      (req) => json(401, { errors: [{ detail: `bad ${req.headers.authorization ?? ""}` }] }),
    ],
    [
      "401 echoing the bearer token",
      "cloud",
      (req) => json(401, { errors: [{ detail: req.headers.authorization ?? "" }] }),
    ],
    ["403 echoing", "private", (req) => json(403, { errors: [{ title: req.headers.authorization ?? "" }] })],
    [
      "404 echoing",
      "cloud",
      (req) => ({
        status: 404,
        headers: { "content-type": "text/html" },
        body: `<title>${req.headers.authorization ?? ""}</title>`,
      }),
    ],
    [
      "200 HTML echoing",
      "private",
      (req) => ({
        status: 200,
        headers: { "content-type": "text/html" },
        body: `<title>${req.headers.authorization ?? ""}</title>`,
      }),
    ],
    ["200 JSON without available_versions", "cloud", (req) => json(200, { echo: req.headers.authorization })],
    ["502", "private", () => ({ status: 502 })],
    ["418 echoing", "cloud", (req) => json(418, { detail: req.headers.authorization })],
    ["reset", "cloud", () => "reset"],
    ["hang", "private", () => "hang"],
  ];

  it.each(hubCases)("verify: %s (%s)", async (_name, kind, hubReply) => {
    const token = kind === "cloud" ? mintOfflineToken() : mintHubToken();
    const access = mintAccessToken();
    const server = await startServer(
      (req) => (req.method === "POST" ? keycloakOk(access) : hubReply(req, token)),
      "",
    );
    const http = createHttp({ env: {} });
    try {
      const url = `${server.origin}/api/galaxy/content/published/`;
      const result = await verifyHub({
        server: kind === "cloud" ? { kind, url, authUrl: `${server.origin}/token` } : { kind, url },
        token,
        http,
        retry: { retries: 1, baseMs: 1, maxMs: 2 },
        deadlineMs: 400,
        ...noWait(),
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expectNoLeak(printed(result, result.error), [token, access]);
    } finally {
      await http.close();
    }
  });

  it("verify: a cloud refresh failure and every wrong kind of token", async () => {
    const offline = mintOfflineToken();
    const server = await startServer([keycloakError(`Offline user session not found ${offline}`)], "");
    const http = createHttp({ env: {} });
    const tokens = [offline, mintHubToken(), mintAccessToken(), "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1"];
    try {
      for (const [i, token] of tokens.entries()) {
        const kind = i === 3 ? "private" : "cloud";
        const url = `${server.origin}/api/galaxy/content/published/`;
        const r = await verifyHub({
          server: { kind, url, authUrl: `${server.origin}/t` },
          token,
          http,
          ...noWait(),
        });
        // Every one of these must be refused; an accepted one would skip the leak check below.
        expect(r.ok, `token ${i} (${kind})`).toBe(false);
        if (!r.ok) expectNoLeak(printed(r, r.error), [token]);
      }
    } finally {
      await http.close();
    }
  });
});
