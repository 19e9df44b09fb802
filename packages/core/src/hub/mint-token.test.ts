// mintHubToken over the fake HTTP port: the one POST galaxy_ng's TokenView answers, and every failure a
// plain HubSetupError whose message holds neither the password nor a token.
import { describe, expect, it, onTestFinished } from "vitest";
import { fakeHttp, reply, type FakeHttp } from "@hub-setup/test-utils";
import { HttpRequestError } from "../http/http-port.js";
import { HubSetupError } from "../errors.js";
import { hubTokenEndpoint, mintHubToken } from "./mint-token.js";

const HUB = "https://hub.example.com";
const SERVER = `${HUB}/api/galaxy/content/published/`;
const ENDPOINT = `${HUB}/api/galaxy/v3/auth/token/`;
const PASSWORD = "s3cret-p4ssword";
const TOKEN = "0123456789abcdef0123456789abcdef01234567";
const BASIC = `Basic ${btoa(`admin:${PASSWORD}`)}`;

function port(): FakeHttp {
  const http = fakeHttp();
  onTestFinished(() => http.verify());
  return http;
}

const mint = (http: FakeHttp, serverUrl = SERVER) =>
  mintHubToken({ serverUrl, username: "admin", password: PASSWORD, http });

async function failure(http: FakeHttp): Promise<HubSetupError> {
  const error = await mint(http).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubSetupError);
  const e = error as HubSetupError;
  const text = JSON.stringify(e) + e.message + (e.hint ?? "");
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(BASIC.slice(6));
  return e;
}

describe("hubTokenEndpoint", () => {
  it("is <API prefix>/v3/auth/token/ for content URLs, the bare prefix, v3 links and a sub-path", () => {
    expect(hubTokenEndpoint(SERVER)).toBe(ENDPOINT);
    expect(hubTokenEndpoint(`${HUB}/api/galaxy/content/rh-certified/`)).toBe(ENDPOINT);
    expect(hubTokenEndpoint(`${HUB}/api/galaxy/`)).toBe(ENDPOINT);
    expect(hubTokenEndpoint(`${HUB}/api/galaxy`)).toBe(ENDPOINT);
    expect(hubTokenEndpoint(`${HUB}/api/galaxy/v3/collections/`)).toBe(ENDPOINT);
    expect(hubTokenEndpoint(`${HUB}/hub/api/galaxy/content/published/`)).toBe(
      `${HUB}/hub/api/galaxy/v3/auth/token/`,
    );
    expect(hubTokenEndpoint("http://127.0.0.1:8080/api/galaxy/content/x/")).toBe(
      "http://127.0.0.1:8080/api/galaxy/v3/auth/token/",
    );
    expect(hubTokenEndpoint("ftp://hub.example.com/")).toBeUndefined();
    expect(hubTokenEndpoint("not a url")).toBeUndefined();
  });
});

describe("mintHubToken", () => {
  it("POSTs once, an empty body with Basic credentials, and returns the token", async () => {
    const http = port().on(
      { method: "POST", url: ENDPOINT, body: "", headers: { authorization: BASIC } },
      reply.json(200, { token: TOKEN }),
    );
    expect(await mint(http)).toBe(TOKEN);
    expect(http.requests).toHaveLength(1);
  });

  it("401: the user name or password is wrong (TOKEN_REJECTED), never retried", async () => {
    const http = port().on(
      { method: "POST", url: ENDPOINT },
      reply.json(401, {
        errors: [{ status: "401", code: "authentication_failed", detail: "Invalid username/password." }],
      }),
    );
    const e = await failure(http);
    expect(e.code).toBe("TOKEN_REJECTED");
    expect(e.message).toBe(
      `the private hub at ${ENDPOINT} refused the user name "admin" or its password (HTTP 401)`,
    );
    expect(http.requests).toHaveLength(1);
  });

  it("a password given as the user name is not named in the 401 or 403 message", async () => {
    for (const status of [401, 403]) {
      const http = port().on({ method: "POST", url: ENDPOINT }, reply.json(status, { errors: [] }));
      const e: unknown = await mintHubToken({
        serverUrl: SERVER,
        username: PASSWORD,
        password: PASSWORD,
        http,
      }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(HubSetupError);
      const text = `${(e as HubSetupError).message} ${(e as HubSetupError).hint ?? ""}`;
      expect(text).not.toContain(PASSWORD);
      expect(text).toContain("the user name given (it holds the password, so it is not shown)");
    }
  });

  it("403: the user may not (HUB_FORBIDDEN)", async () => {
    const http = port().on({ method: "POST", url: ENDPOINT }, reply.json(403, { errors: [] }));
    const e = await failure(http);
    expect(e.code).toBe("HUB_FORBIDDEN");
    expect(e.message).toContain('does not let "admin" make a token (HTTP 403)');
  });

  it("404 and 405: no token endpoint there (HUB_NOT_FOUND), naming where it looked", async () => {
    for (const status of [404, 405]) {
      const http = port().on({ method: "POST", url: ENDPOINT }, reply.html(status, "Not Found"));
      const e = await failure(http);
      expect(e.code).toBe("HUB_NOT_FOUND");
      expect(e.message).toBe(`no token endpoint at ${ENDPOINT} (HTTP ${status})`);
      expect(e.hint).toContain("/api/galaxy/content/<repository>/");
    }
  });

  it("a 200 that is an HTML page, or JSON without a token: not a token endpoint (HUB_NOT_FOUND)", async () => {
    const html = await failure(port().on({ method: "POST" }, reply.html(200, "Automation Hub")));
    expect(html.code).toBe("HUB_NOT_FOUND");
    expect(html.message).toContain('an HTML page titled "Automation Hub"');
    const empty = await failure(port().on({ method: "POST" }, reply.json(200, { detail: "ok" })));
    expect(empty.code).toBe("HUB_NOT_FOUND");
    expect(empty.message).toContain("answered with no token (HTTP 200)");
  });

  it("a failing hub (5xx) is UNAVAILABLE and not retried", async () => {
    const http = port().on({ method: "POST" }, reply.text(503, "busy"));
    const e = await failure(http);
    expect(e.code).toBe("UNAVAILABLE");
    expect(e.message).toContain("is failing (HTTP 503): no token was made");
    expect(http.requests).toHaveLength(1);
  });

  it("no answer: NETWORK with the reason and a hint; a cancel stays CANCELLED", async () => {
    const refused = port().on({ method: "POST" }, () => {
      throw new HttpRequestError("refused", "connection refused by hub.example.com:443");
    });
    const e = await failure(refused);
    expect(e.code).toBe("NETWORK");
    expect(e.message).toContain("could not reach the private hub at");
    expect(e.message).toContain("nothing is listening there");
    const aborted = port().on({ method: "POST" }, () => {
      throw new HttpRequestError("aborted", "cancelled");
    });
    expect((await failure(aborted)).code).toBe("CANCELLED");
  });

  it("a server url that is no http(s) URL sends nothing", async () => {
    const http = port();
    await expect(mint(http, "ftp://hub.example.com/")).rejects.toMatchObject({ code: "INVALID_URL" });
  });
});
