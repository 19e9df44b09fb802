/**
 * Turning whatever undici or Node threw into an HttpRequestError: a kind, a short reason with the
 * system error code, and nothing of the request (its body and headers are scrubbed from the text).
 */
import { HttpRequestError, scrub, type NetworkFailureKind } from "../../http/http-port.js";

const TLS_CODES =
  /^(?:ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|ERR_OSSL_|HOSTNAME_MISMATCH$)/;

type Found = { code: string; message: string; name: string };

/** The first error in the cause chain that carries a string code (undici wraps Node's errors). */
function innermost(e: unknown): Found {
  let cur: unknown = e;
  let first: Found | undefined;
  for (let depth = 0; depth < 5 && cur instanceof Error; depth++) {
    const code = (cur as { code?: unknown }).code;
    const found = { code: typeof code === "string" ? code : "", message: cur.message, name: cur.name };
    first ??= found;
    if (found.code !== "" && !found.code.startsWith("UND_ERR")) return found;
    cur = (cur as { cause?: unknown }).cause;
  }
  return first ?? { code: "", message: String(e), name: typeof e };
}

function kindOf(f: Found): { kind: NetworkFailureKind; transient: boolean; what: string } {
  const { code, message } = f;
  if (/proxy/i.test(message) || code === "UND_ERR_PRX_TLS")
    return { kind: "proxy", transient: false, what: "the proxy failed" };
  if (code === "ENOTFOUND") return { kind: "dns", transient: false, what: "the host name does not resolve" };
  if (code === "EAI_AGAIN") return { kind: "dns", transient: true, what: "DNS did not answer" };
  if (code === "ECONNREFUSED") return { kind: "refused", transient: false, what: "connection refused" };
  if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET" || code === "UND_ERR_CLOSED") {
    return { kind: "reset", transient: true, what: "the connection was reset" };
  }
  if (/TIMEOUT/.test(code) || code === "ETIMEDOUT")
    return { kind: "timeout", transient: true, what: "it timed out" };
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(message)) {
    return { kind: "tls", transient: false, what: "TLS failed" };
  }
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH")
    return { kind: "refused", transient: false, what: "the host is unreachable" };
  return { kind: "other", transient: false, what: "the request failed" };
}

export function toHttpRequestError(
  e: unknown,
  ctx: { secrets: readonly string[]; cancelled: boolean },
): HttpRequestError {
  if (ctx.cancelled) return new HttpRequestError("aborted", "the request was cancelled");
  const f = innermost(e);
  const { kind, transient, what } = kindOf(f);
  const detail = scrub(f.message, ctx.secrets).replace(/\s+/g, " ").slice(0, 160);
  const code = f.code === "" ? "" : ` [${f.code}]`;
  return new HttpRequestError(kind, `${what}: ${detail}${code}`, { transient });
}
