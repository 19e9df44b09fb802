/** Small fetch helpers with a deadline, for tests that talk to a sandbox on 127.0.0.1. */
export type Reply = { status: number; headers: Headers; text: string; json: () => unknown };

export async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

/** The token-endpoint form, written unencoded exactly as ansible-galaxy writes it. */
export function refreshGrant(
  tokenEndpoint: string,
  token: string,
  clientId = "cloud-services",
): Promise<Reply> {
  return send(tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `grant_type=refresh_token&client_id=${clientId}&refresh_token=${token}`,
  });
}

export function getWith(url: string, authorization?: string): Promise<Reply> {
  return send(url, authorization === undefined ? {} : { headers: { authorization } });
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}

/** The claims of a JWT, read without checking anything. */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<
    string,
    unknown
  >;
}
