/**
 * What a hub's refusal means for the user (reference §5, §7, §8): 401 a token not accepted (often one
 * replaced by a newer "Load token"), 403 permissions or subscription, 404 not a hub API URL.
 */
import type { TokenInfo, TokenRejection } from "../token/classify.js";
import { scrubServerText, type HttpResponse } from "../http/http-port.js";
import type { HubServer } from "./types.js";
import { CLOUD_TOKEN_PAGE, privateHubTokenPage } from "../sso/red-hat.js";
import { readJsonBody } from "../http/response-body.js";

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

/**
 * A token of the wrong kind for this server, said before any request is made, in words that say what
 * to paste instead. `page` is where the right token is loaded (defaults to Red Hat's page for the
 * cloud, the hub's own menu path for a private hub). The one source of these messages: the wizard
 * asks again with them, verifyHub fails with them.
 */
export function tokenKindProblem(
  token: TokenInfo | TokenRejection,
  server: Pick<HubServer, "kind" | "url">,
  page: string = server.kind === "cloud" ? CLOUD_TOKEN_PAGE : privateHubTokenPage(server.url),
): { message: string; hint: string } | undefined {
  if (!token.ok) return { message: `not a token: ${token.reason}.`, hint: "paste the token itself" };
  const it = token.redacted;
  const note = token.note === undefined ? "" : ` (${token.note})`;
  if (server.kind === "cloud") {
    const hint = `Load an offline token at ${page}`;
    switch (token.kind) {
      case "offline":
        return undefined;
      case "access":
        return {
          message: `${it} is a short-lived access token (it lasts minutes); ansible-galaxy needs the offline token it came from. Load one at ${page}`,
          hint,
        };
      case "hub-api":
        return {
          message: `${it} is a private automation hub API token (40 hex characters), not a Red Hat offline token. For Red Hat Automation Hub, load an offline token at ${page}`,
          hint,
        };
      case "gateway":
        return {
          message: `${it} looks like an Ansible Automation Platform gateway token, not a Red Hat offline token. Load an offline token at ${page}`,
          hint,
        };
      default:
        return { message: `${it} is not a Red Hat offline token${note}. Load one at ${page}`, hint };
    }
  }
  const hint = `Load your hub's API token at ${page}`;
  switch (token.kind) {
    case "hub-api":
    case "gateway":
      return undefined;
    case "offline":
      return {
        message: `${it} is a Red Hat offline token (from Red Hat SSO), for Red Hat Automation Hub (console.redhat.com), not a private hub API token. Load your hub's token at ${page}`,
        hint,
      };
    case "access":
      return {
        message: `${it} is a short-lived SSO access token, not a private hub API token. Load your hub's token at ${page}`,
        hint,
      };
    default:
      return {
        message: `${it} is not a private automation hub API token${note}: those are 40 lower-case hex characters. Load it at ${page}`,
        hint,
      };
  }
}
