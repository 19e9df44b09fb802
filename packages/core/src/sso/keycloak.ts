/**
 * What Red Hat SSO (Keycloak) means by each refusal of a refresh_token grant, and what the user should
 * do about it. Descriptions from Keycloak's TokenManager (reference §8).
 */
import { CLOUD_CLIENT_ID, CLOUD_TOKEN_PAGE, CLOUD_TOKEN_PAGE_PATH } from "./red-hat.js";

export type GrantOutcome = "expired" | "wrong-client" | "rejected";

export type GrantRefusal = { outcome: GrantOutcome; message: string; hint: string };

const LOAD_NEW = `load a new one at ${CLOUD_TOKEN_PAGE} (${CLOUD_TOKEN_PAGE_PATH})`;

type Known = { match: string; outcome: GrantOutcome; why: string };

/** Most specific first: the client mismatch also starts with "Invalid refresh token". */
const KNOWN: readonly Known[] = [
  {
    match: "invalid refresh token. token client and authorized client don't match",
    outcome: "wrong-client",
    why: "",
  },
  {
    match: "offline user session not found",
    outcome: "expired",
    why: "it was not used for 30 days or was revoked",
  },
  {
    match: "offline session not active",
    outcome: "expired",
    why: "its session timed out (30 days unused, or its maximum lifetime) and was revoked",
  },
  {
    match: "session not active",
    outcome: "expired",
    why: "the sign-in session it came from has ended (not used for 30 days, revoked, or not an offline token)",
  },
  { match: "token is not active", outcome: "expired", why: "it is past its expiry time" },
  {
    match: "stale token",
    outcome: "expired",
    why: "it was revoked: tokens issued before a revocation are stale",
  },
  {
    match: "session doesn't have required client",
    outcome: "expired",
    why: "its session was signed out of this client or revoked",
  },
  {
    match: "maximum allowed refresh token reuse exceeded",
    outcome: "expired",
    why: "it was used up: this SSO realm lets each refresh token be used only a limited number of times",
  },
  { match: "user disabled", outcome: "rejected", why: "the account that loaded it is disabled" },
  { match: "invalid refresh token", outcome: "rejected", why: "" },
];

export function explainInvalidGrant(
  description: string | undefined,
  ctx: { clientId: string; tokenClient: string | undefined; authUrl: string },
): GrantRefusal {
  const said = description === undefined ? "invalid_grant" : `"${description}"`;
  const known = KNOWN.find((k) => description?.toLowerCase().startsWith(k.match));
  if (known?.outcome === "wrong-client") return wrongClient(ctx.clientId, ctx.tokenClient, said);
  if (known?.match === "invalid refresh token") {
    const hint = `copy the whole offline token again, and check that auth_url (${ctx.authUrl}) is the SSO that issued it`;
    return {
      outcome: "rejected",
      message: `Red Hat SSO does not recognise this as one of its refresh tokens (${said}): ${hint}.`,
      hint,
    };
  }
  if (known?.outcome === "rejected") {
    const hint = "ask your organisation's Red Hat administrator to enable the account, then load a new token";
    return {
      outcome: "rejected",
      message: `Red Hat SSO refused the token (${said}): ${known.why}; ${hint}.`,
      hint,
    };
  }
  const why = known?.why ?? "it was not used for 30 days or was revoked";
  return {
    outcome: "expired",
    message: `Red Hat SSO no longer accepts this offline token (${said}): ${why}. It cannot be revived: ${LOAD_NEW}.`,
    hint: LOAD_NEW,
  };
}

export function wrongClient(clientId: string, tokenClient: string | undefined, said: string): GrantRefusal {
  const to = tokenClient ?? CLOUD_CLIENT_ID;
  const hint =
    tokenClient !== undefined && tokenClient !== clientId
      ? `set client_id = ${to} for this server (Automation Hub offline tokens use ${CLOUD_CLIENT_ID})`
      : `use client_id = ${CLOUD_CLIENT_ID} for Red Hat Automation Hub, or the client the token was issued to`;
  return {
    outcome: "wrong-client",
    message: `Red Hat SSO refused the token for client_id "${clientId}" (${said}): the token belongs to another client; ${hint}.`,
    hint,
  };
}

/** 401 from the token endpoint: Keycloak does not know the client (invalid_client / unauthorized_client). */
export function unknownClient(clientId: string, error: string): GrantRefusal {
  const hint = `Red Hat Automation Hub uses client_id = ${CLOUD_CLIENT_ID}`;
  return {
    outcome: "wrong-client",
    message: `Red Hat SSO does not accept client_id "${clientId}" (${error}): ${hint}.`,
    hint,
  };
}
