import { describe, expect, it } from "vitest";
import { toHttpRequestError } from "./request-error.js";

// DNS, TLS and proxy failures that tests cannot cause on 127.0.0.1 alone, built as Node and undici raise them.
function nodeError(message: string, code: string, cause?: unknown): Error {
  const e = new Error(message, cause === undefined ? undefined : { cause }) as Error & { code: string };
  e.code = code;
  return e;
}

const ctx = { secrets: ["s3cr3t-token-value"], cancelled: false };

describe("toHttpRequestError", () => {
  it.each([
    [nodeError("getaddrinfo ENOTFOUND hub.example.com", "ENOTFOUND"), "dns", false],
    [nodeError("getaddrinfo EAI_AGAIN hub.example.com", "EAI_AGAIN"), "dns", true],
    [nodeError("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED"), "refused", false],
    [nodeError("read ECONNRESET", "ECONNRESET"), "reset", true],
    [
      nodeError("fetch failed", "UND_ERR_SOCKET", nodeError("other side closed", "UND_ERR_SOCKET")),
      "reset",
      true,
    ],
    [nodeError("Connect Timeout Error", "UND_ERR_CONNECT_TIMEOUT"), "timeout", true],
    [nodeError("self-signed certificate", "DEPTH_ZERO_SELF_SIGNED_CERT"), "tls", false],
    [nodeError("certificate has expired", "CERT_HAS_EXPIRED"), "tls", false],
    [
      nodeError("Hostname/IP does not match certificate's altnames", "ERR_TLS_CERT_ALTNAME_INVALID"),
      "tls",
      false,
    ],
    [nodeError("Proxy response (403) !== 200 when HTTP Tunneling", "UND_ERR_ABORTED"), "proxy", false],
    [nodeError("Proxy Authentication Required (407)", "UND_ERR_INVALID_ARG"), "proxy", false],
    [new TypeError("something odd"), "other", false],
  ])("%s → %s", (error, kind, transient) => {
    const e = toHttpRequestError(error, ctx);
    expect(e.kind).toBe(kind);
    expect(e.transient).toBe(transient);
    expect(e.code).toBe("NETWORK");
    expect(e.cause).toBeUndefined();
  });

  it("scrubs the request's secrets from the reason, and tells a cancellation apart", () => {
    const e = toHttpRequestError(nodeError("bad request refresh_token=s3cr3t-token-value", "EPROTO"), ctx);
    expect(e.message).not.toContain("s3cr3t-token-value");
    expect(e.message).toContain("[redacted]");
    expect(toHttpRequestError(nodeError("Headers Timeout Error", "UND_ERR_HEADERS_TIMEOUT"), ctx).kind).toBe(
      "timeout",
    );
    expect(toHttpRequestError(new Error("x"), { ...ctx, cancelled: true }).code).toBe("CANCELLED");
  });
});
