/**
 * Tokens bound to where they were verified. A stored token carries the origins (scheme, host and port,
 * as a git credential helper binds to protocol and host) of the hub URL and the SSO auth URL it was
 * checked against; before a stored token is sent anywhere, the server's current origins are compared
 * with the bound ones, so that a cloned project's ansible.cfg that reuses a server id with another
 * `url` or `auth_url` does not receive it. Pure: strings in, values out.
 */
import { RED_HAT_SSO_ISSUER } from "../sso/red-hat.js";
import { decodeJwt } from "./jwt.js";

/** The origins a token was verified against; `auth` is absent for a token that never goes to an SSO. */
export type TokenBinding = { hub: string; auth?: string };

/** `scheme://host[:port]` of a URL (lower-case, default port dropped), or undefined when it is no URL. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    return parsed.origin;
  } catch {
    return undefined;
  }
}

/** The binding for a server's current url and auth_url; undefined when its url is not a URL. */
export function bindingFor(server: { url: string; authUrl?: string | undefined }): TokenBinding | undefined {
  const hub = originOf(server.url);
  if (hub === undefined) return undefined;
  const authUrl = server.authUrl?.trim();
  if (authUrl === undefined || authUrl === "") return { hub };
  const auth = originOf(authUrl);
  return auth === undefined ? undefined : { hub, auth };
}

export function sameBinding(a: TokenBinding, b: TokenBinding): boolean {
  return a.hub === b.hub && (a.auth ?? "") === (b.auth ?? "");
}

/** "hub https://h, auth https://a" (origins only: never a path, query or token). */
export function describeBinding(b: TokenBinding): string {
  return b.auth === undefined ? `hub ${b.hub}, no auth_url` : `hub ${b.hub}, auth ${b.auth}`;
}

/** Where a Red Hat SSO offline token can work: Red Hat's hub (under either of its names) and Red Hat SSO. */
const RED_HAT_HUBS = new Set(["https://console.redhat.com", "https://cloud.redhat.com"]);
const RED_HAT_SSO = "https://sso.redhat.com";

function issuedByRedHat(token: string): boolean {
  const jwt = decodeJwt(token.trim());
  return jwt.ok && jwt.claims.iss === RED_HAT_SSO_ISSUER;
}

/**
 * Whether a token stored with no binding recorded (by a hub-setup from before bindings, or by hand) may
 * be bound, on this first use, to where the server now points (trust on first use, as ssh does with a
 * host key). An offline token that Red Hat SSO issued (its `iss` is Red Hat's realm) can only ever work
 * at Red Hat's hub and SSO, so it is adopted only there; any other token is adopted where it is used.
 */
export function adoptable(token: string, current: TokenBinding): boolean {
  if (!issuedByRedHat(token)) return true;
  return RED_HAT_HUBS.has(current.hub) && current.auth === RED_HAT_SSO;
}

export type BindingCheck =
  | {
      ok: true;
      binding: TokenBinding;
      /** No binding was recorded for this token: it is adopted here (the caller records `binding`). */
      adopted: boolean;
    }
  | {
      ok: false;
      reason: "moved" | "no-url";
      /** Where it was verified (undefined: not recorded). */
      bound: TokenBinding | undefined;
      /** Where the server now points (undefined: its url is no URL). */
      current: TokenBinding | undefined;
      message: string;
    };

/**
 * Whether a stored token may go to a server: its current origins must be the bound ones. A token with
 * no binding recorded is adopted where it is first used (see `adoptable`). The message names origins,
 * never a token.
 */
export function checkBinding(
  serverId: string,
  bound: TokenBinding | undefined,
  current: TokenBinding | undefined,
  token: string,
): BindingCheck {
  if (current === undefined) {
    return {
      ok: false,
      reason: "no-url",
      bound,
      current,
      message: `the stored token for ${serverId} is not sent: the server's url or auth_url is not an http(s) URL`,
    };
  }
  if (bound !== undefined && sameBinding(bound, current)) return { ok: true, binding: bound, adopted: false };
  if (bound === undefined && adoptable(token, current)) return { ok: true, binding: current, adopted: true };
  const message =
    bound === undefined
      ? `the stored token for ${serverId} was issued by Red Hat SSO, which only ${describeBinding({ hub: "https://console.redhat.com", auth: RED_HAT_SSO })} accept, but the ansible.cfg read here points it at ${describeBinding(current)}: it is not sent there`
      : `the stored token for ${serverId} was verified at ${describeBinding(bound)}, but the ansible.cfg read here points it at ${describeBinding(current)}: it is not sent there`;
  return { ok: false, reason: "moved", bound, current, message };
}

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(h) || h === "::1";
}

/** A warning when a token would travel in clear text (http:// to a host that is not this machine). */
export function cleartextWarning(url: string | undefined, what: string): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" || isLoopback(parsed.hostname)) return undefined;
  return `${what} ${parsed.origin} is plain http: the token would travel unencrypted to another machine (use https)`;
}
