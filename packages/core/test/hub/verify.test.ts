import { describe, expect, it } from "vitest";
import { mintAccessToken, mintHubToken, mintOfflineToken } from "@hub-setup/test-utils";
import { verifyHub, type HubServer, type VerifyResult } from "../../src/index.js";
import { createHttp } from "../../src/node/net/index.js";
import {
  json,
  keycloakError,
  keycloakOk,
  noWait,
  startServer,
  type Recorded,
  type Reply,
} from "../support-token/index.js";

const SSO_PATH = "/auth/realms/redhat-external/protocol/openid-connect/token";
const API_ROOT = json(200, {
  available_versions: { v3: "v3/", "pulp-v3": "pulp/api/v3/" },
  server_version: "4.10.0",
});

/** One local server playing both Red Hat SSO (POST to the token path) and a hub (every GET). */
async function verifyAgainst(
  kind: HubServer["kind"],
  hub: (req: Recorded) => Reply,
  opts: { token?: string; path?: string; sso?: Reply } = {},
) {
  const access = mintAccessToken();
  const server = await startServer(
    (req) => (req.method === "POST" ? (opts.sso ?? keycloakOk(access)) : hub(req)),
    "",
  );
  const http = createHttp({ env: {} });
  const token = opts.token ?? (kind === "cloud" ? mintOfflineToken() : mintHubToken());
  const url = `${server.origin}${opts.path ?? (kind === "cloud" ? "/api/automation-hub/content/published/" : "/api/galaxy/content/published/")}`;
  try {
    const result = await verifyHub({
      server: kind === "cloud" ? { kind, url, authUrl: `${server.origin}${SSO_PATH}` } : { kind, url },
      token,
      http,
      retry: { retries: 2, baseMs: 10, maxMs: 50 },
      ...noWait(),
      deadlineMs: 5_000,
    });
    return { result, server, token, access, url };
  } finally {
    await http.close();
  }
}

function failure(r: VerifyResult) {
  if (r.ok) throw new Error("expected a failure");
  return r;
}

describe("verifyHub against a local hub", () => {
  it("private hub: GET of the API root with `Token <token>`, listing the API versions", async () => {
    const { result, server, token, url } = await verifyAgainst("private", () => API_ROOT);
    expect(result).toEqual({ ok: true, apiVersions: ["v3", "pulp-v3"], url });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe("GET");
    expect(server.requests[0]?.url).toBe("/api/galaxy/content/published/");
    expect(server.requests[0]?.headers.authorization).toBe(`Token ${token}`);
  });

  it("cloud: refreshes at the SSO, then sends `Bearer <access token>` to the hub", async () => {
    const { result, server, token, access } = await verifyAgainst("cloud", () => API_ROOT);
    expect(result.ok).toBe(true);
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
    expect(server.requests[0]?.body).toBe(
      `grant_type=refresh_token&client_id=cloud-services&refresh_token=${token}`,
    );
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${access}`);
  });

  it("401 (galaxy_ng's Invalid token.): token not accepted, a newer Load token replaces the old one", async () => {
    const body = {
      errors: [
        {
          detail: "Invalid token.",
          code: "authentication_failed",
          status: "401",
          title: "Incorrect authentication credentials.",
        },
      ],
    };
    const f = failure((await verifyAgainst("private", () => json(401, body))).result);
    expect(f.outcome).toBe("unauthorized");
    expect(f.error.code).toBe("TOKEN_REJECTED");
    expect(f.message).toContain('HTTP 401: "Invalid token."');
    expect(f.message).toContain(
      "token not accepted (was a new one loaded? loading a token replaces the old one)",
    );
    expect(f.message).toContain("Collections › API token › Load token");
  });

  it("403 on a private hub: the token works but the user lacks permission", async () => {
    const f = failure(
      (
        await verifyAgainst("private", () =>
          json(403, { errors: [{ detail: "You do not have permission to perform this action." }] }),
        )
      ).result,
    );
    expect(f.outcome).toBe("forbidden");
    expect(f.error.code).toBe("HUB_FORBIDDEN");
    expect(f.message).toContain("administrator");
  });

  it("403 on the cloud: subscription, or console.redhat.com's masked rate limit", async () => {
    const f = failure((await verifyAgainst("cloud", () => ({ status: 403 }))).result);
    expect(f.outcome).toBe("forbidden");
    expect(f.message).toContain("subscription");
    expect(f.message).toContain("rate-limits");
  });

  it("404: this is not a hub API URL, with the URL we expected", async () => {
    const { result, server } = await verifyAgainst("private", () => ({ status: 404 }), { path: "/ui/" });
    const f = failure(result);
    expect(f.outcome).toBe("not-found");
    expect(f.error.code).toBe("HUB_NOT_FOUND");
    expect(f.message).toContain("this is not a hub API URL");
    expect(f.expectedUrl).toBe(`${server.origin}/api/galaxy/content/published/`);
    expect(f.message).toContain(f.expectedUrl);
  });

  it("a 200 web page instead of the API root: not a hub API URL either", async () => {
    const page: Reply = {
      status: 200,
      headers: { "content-type": "text/html" },
      body: "<html><title>Automation Hub</title></html>",
    };
    const { result, server } = await verifyAgainst("cloud", () => page, { path: "/ansible/automation-hub/" });
    const f = failure(result);
    expect(f.outcome).toBe("not-found");
    expect(f.expectedUrl).toBe(`${server.origin}/api/automation-hub/content/published/`);
    expect(f.message).toContain('HTML page titled "Automation Hub"');
  });

  it("a cloud refresh failure comes through with its own outcome (expired)", async () => {
    const { result, server } = await verifyAgainst("cloud", () => API_ROOT, {
      sso: keycloakError("Offline user session not found"),
    });
    const f = failure(result);
    expect(f.outcome).toBe("expired");
    expect(f.message).toContain("https://console.redhat.com/ansible/automation-hub/token");
    expect(server.requests).toHaveLength(1);
  });

  it("a hub failing with 502 after retries: unavailable", async () => {
    const { result, server } = await verifyAgainst("private", () => ({ status: 502 }));
    expect(failure(result).outcome).toBe("unavailable");
    expect(server.requests).toHaveLength(3);
  });

  const wrongKinds: [HubServer["kind"], () => string, string][] = [
    ["cloud", () => mintHubToken(), "private automation hub API token"],
    ["cloud", () => mintAccessToken(), "short-lived access token"],
    ["cloud", () => "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1", "gateway token"],
    ["private", () => mintOfflineToken(), "Red Hat offline token"],
    ["private", () => "https://hub.example.com/ui/token/", "this is a URL, not a token"],
  ];
  it.each(wrongKinds)(
    "%s hub given the wrong kind of token: said before any request",
    async (kind, make, says) => {
      const { result, server } = await verifyAgainst(kind, () => API_ROOT, { token: make() });
      const f = failure(result);
      expect(f.outcome).toBe("wrong-token-kind");
      expect(f.error.code).toBe("INVALID_TOKEN");
      expect(f.message).toContain(says);
      expect(server.requests).toHaveLength(0);
    },
  );

  it("follows a same-origin redirect with the token, as ansible-galaxy does", async () => {
    const { result, server, token } = await verifyAgainst("private", (req) =>
      req.url === "/api/galaxy/content/published/"
        ? { status: 307, headers: { location: "/api/galaxy/" } }
        : API_ROOT,
    );
    expect(result.ok).toBe(true);
    expect(server.requests.map((r) => r.url)).toEqual(["/api/galaxy/content/published/", "/api/galaxy/"]);
    expect(server.requests[1]?.headers.authorization).toBe(`Token ${token}`);
  });
});
