/**
 * What a hub's refusal means for the user (reference §5, §7, §8): 401 a token not accepted (often one
 * replaced by a newer "Load token"), 403 permissions or subscription, 404 not a hub API URL.
 */
import type { TokenInfo, TokenRejection } from "../token/classify.js";
import { scrubServerText, type HttpResponse } from "./http-port.js";
import type { HubServer } from "./verify.js";
import { CLOUD_TOKEN_PAGE, privateHubTokenPage } from "./red-hat.js";
import { readJsonBody } from "./response-body.js";

type Explained = {
  outcome: "unauthorized" | "forbidden" | "not-found" | "rejected";
  message: string;
  hint: string;
};
type Ctx = {
  server: HubServer;
  who: string;
  where: string;
  secrets: readonly string[];
  expectedUrl: string | undefined;
};

/** galaxy_ng's error text: errors[0].detail, else title (as ansible-galaxy prints it), scrubbed. */
function hubSays(res: HttpResponse, secrets: readonly string[]): string {
  const body = readJsonBody(res, secrets);
  if (!body.ok) return `HTTP ${res.status}`;
  const first = Array.isArray(body.json["errors"]) ? (body.json["errors"] as unknown[])[0] : undefined;
  const rec = typeof first === "object" && first != null ? (first as Record<string, unknown>) : body.json;
  const text = [rec["detail"], rec["title"]].find((v): v is string => typeof v === "string");
  return text === undefined
    ? `HTTP ${res.status}`
    : `HTTP ${res.status}: "${scrubServerText(text, secrets).slice(0, 160)}"`;
}

export function explainHubStatus(res: HttpResponse, ctx: Ctx): Explained {
  const said = hubSays(res, ctx.secrets);
  const page = ctx.server.kind === "cloud" ? CLOUD_TOKEN_PAGE : privateHubTokenPage(ctx.server.url);
  if (res.status === 401) {
    const hint = `load a token at ${page} and store that one`;
    return {
      outcome: "unauthorized",
      message: `${ctx.who} at ${ctx.where} answered ${said}: token not accepted (was a new one loaded? loading a token replaces the old one). ${hint.charAt(0).toUpperCase()}${hint.slice(1)}.`,
      hint,
    };
  }
  if (res.status === 403) {
    const hint =
      ctx.server.kind === "cloud"
        ? "check that your organisation has an Ansible Automation Platform subscription and your user may use Automation Hub (console.redhat.com also answers 403 when it rate-limits: try again in a minute)"
        : "ask the hub's administrator to give your user access to this repository";
    return {
      outcome: "forbidden",
      message: `${ctx.who} at ${ctx.where} answered ${said}: the token works, but is not allowed here; ${hint}.`,
      hint,
    };
  }
  if (res.status === 404) {
    const hint =
      ctx.expectedUrl === undefined
        ? "use the hub's API URL (…/api/galaxy/content/<repository>/)"
        : `use ${ctx.expectedUrl}`;
    return {
      outcome: "not-found",
      message: `this is not a hub API URL: ${ctx.where} answered HTTP 404; ${hint}.`,
      hint,
    };
  }
  const hint = "check the URL and the token";
  return {
    outcome: "rejected",
    message: `${ctx.who} at ${ctx.where} refused the request (${said}): ${hint}.`,
    hint,
  };
}

/** A token of the wrong kind for this server, said before any request is made. */
export function tokenKindProblem(
  token: TokenInfo | TokenRejection,
  server: HubServer,
): { message: string; hint: string } | undefined {
  const cloudPage = `${CLOUD_TOKEN_PAGE}`;
  if (!token.ok) return { message: `not a token: ${token.reason}.`, hint: "paste the token itself" };
  if (server.kind === "cloud" && (token.kind === "hub-api" || token.kind === "gateway")) {
    const what =
      token.kind === "hub-api" ? "a private automation hub API token" : "an AAP platform gateway token";
    const hint = `Red Hat Automation Hub needs the offline token from ${cloudPage}`;
    return { message: `this is ${what}, not a Red Hat offline token: ${hint}.`, hint };
  }
  if (server.kind === "cloud" && token.kind === "access") {
    const hint = `load the offline token at ${cloudPage}`;
    return {
      message: `this is a short-lived access token (it lasts minutes), not the offline token ansible-galaxy needs: ${hint}.`,
      hint,
    };
  }
  if (server.kind === "private" && (token.kind === "offline" || token.kind === "access")) {
    const hint = `a private hub takes its own API token: ${privateHubTokenPage(server.url)}`;
    const what =
      token.kind === "offline" ? "a Red Hat offline token (for console.redhat.com)" : "an SSO access token";
    return { message: `this is ${what}, not a private hub API token; ${hint}.`, hint };
  }
  return undefined;
}
