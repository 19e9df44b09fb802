import {
  CLOUD_CLIENT_ID,
  CLOUD_TOKEN_PAGE,
  CLOUD_TOKEN_PAGE_PATH,
  HubSetupError,
  classifyToken,
  privateHubTokenPage,
  tokenKindProblem,
  type TokenInfo,
} from "@hub-setup/core";
import type { HubKind, SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import type { HubPlan } from "./hubs.js";

/** A token the person gave for one hub: the secret and its only printable form. */
export type HubToken = {
  value: string;
  redacted: string;
  kind: TokenInfo["kind"];
  clientId: string | undefined;
};

const ENV_ANY = "HUB_SETUP_TOKEN";
const ENV_BY_KIND: Record<HubKind, string> = {
  cloud: "HUB_SETUP_CLOUD_TOKEN",
  private: "HUB_SETUP_PRIVATE_TOKEN",
};

export function tokenPage(plan: Pick<HubPlan, "kind" | "url">): string {
  return plan.kind === "cloud"
    ? `${CLOUD_TOKEN_PAGE}\n    (${CLOUD_TOKEN_PAGE_PATH})`
    : privateHubTokenPage(plan.url);
}

/** Why this token cannot serve this kind of hub, in words that say what to paste instead (core's wording). */
export function kindProblem(kind: HubKind, info: TokenInfo, page: string): string | undefined {
  return tokenKindProblem(info, { kind, url: "" }, page)?.message;
}

function toHubToken(info: TokenInfo): HubToken {
  const azp = info.claims?.azp;
  const clientId = info.kind === "offline" && azp !== undefined && azp !== CLOUD_CLIENT_ID ? azp : undefined;
  return { value: info.value, redacted: info.redacted, kind: info.kind, clientId };
}

/** Checks a pasted value: the token, or the message to show before asking again. */
export function judgeToken(
  kind: HubKind,
  raw: string,
  page: string,
): { ok: true; token: HubToken; note?: string } | { ok: false; message: string } {
  const info = classifyToken(raw);
  if (!info.ok) return { ok: false, message: `that is not a token: ${info.reason}` };
  const problem = kindProblem(kind, info, page);
  if (problem !== undefined) return { ok: false, message: problem };
  return info.note === undefined
    ? { ok: true, token: toHubToken(info) }
    : { ok: true, token: toHubToken(info), note: info.note };
}

/** Tokens given without a question: --token-stdin (one line per hub, in --hub order) or the environment. */
export type GivenTokens = {
  take: (kind: HubKind, index: number) => Promise<{ raw: string; from: string } | undefined>;
};

export function givenTokens(opts: SetupOptions, deps: SetupDeps, hubCount: number): GivenTokens {
  let lines: string[] | undefined;
  return {
    take: async (kind, index) => {
      if (opts.tokenStdin) {
        lines ??= (await deps.ports.readStdin())
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l.length > 0);
        if (lines.length !== hubCount) {
          throw new HubSetupError(
            "USAGE",
            `--token-stdin read ${lines.length} token line(s) for ${hubCount} hub(s)`,
            {
              hint: "pipe one token per line, in the order of --hub (cloud first with --hub both)",
            },
          );
        }
        return { raw: lines[index] ?? "", from: "stdin" };
      }
      const specific = deps.ports.env[ENV_BY_KIND[kind]];
      if (specific !== undefined && specific.trim() !== "") return { raw: specific, from: ENV_BY_KIND[kind] };
      const any = deps.ports.env[ENV_ANY];
      if (hubCount === 1 && any !== undefined && any.trim() !== "") return { raw: any, from: ENV_ANY };
      return undefined;
    },
  };
}

export function tokenFlagHint(kind: HubKind, hubCount: number): string {
  return hubCount === 1
    ? `--token-stdin or ${ENV_ANY}`
    : `--token-stdin (one line per hub) or ${ENV_BY_KIND[kind]}`;
}
