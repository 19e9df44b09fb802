import { HubSetupError, RED_HAT_CLOUD_API_ROOT, RED_HAT_SSO_TOKEN_URL } from "@hub-setup/core";
import type { Choice } from "../../prompter/prompter.js";
import { missingAnswer, type HubKind, type Repository, type SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import { hubUrlProblem } from "./urls.js";

/** One hub the person connects: where it is and which content repositories (one server each). */
export type HubPlan = {
  kind: HubKind;
  /** What the person gave (or the default): the hub's address; each repository's URL derives from it. */
  url: string;
  authUrl: string | undefined;
  repositories: Repository[];
};

export const HUB_NAME: Record<HubKind, string> = {
  cloud: "Red Hat Automation Hub (console.redhat.com)",
  private: "your private automation hub",
};

/** host[:port] of a URL, or the text itself when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * What to call a hub once its URL is known: the label follows the real host, so a sandbox or mirror on
 * 127.0.0.1 is never called "console.redhat.com".
 */
export function hubLabel(hub: { kind: HubKind; url: string }): string {
  const host = hostOf(hub.url);
  if (hub.kind === "private") return `your private automation hub (${host})`;
  return host === "console.redhat.com"
    ? HUB_NAME.cloud
    : `the Automation Hub at ${host} (offline-token sign-in)`;
}

/** What each kind of hub serves (reference §7, §8). */
export const OFFERED: Record<HubKind, readonly Repository[]> = {
  cloud: ["published", "validated"],
  private: ["published", "rh-certified", "community", "validated"],
};

/** What each repository holds, per kind of hub: `published` means different things on each. */
const REPOSITORY_NAME: Record<HubKind, Partial<Record<Repository, string>>> = {
  cloud: {
    published: "Red Hat certified collections",
    validated: "Red Hat Ansible validated content",
  },
  private: {
    published: "the collections your organisation published to this hub",
    "rh-certified": "certified collections synced from Red Hat",
    community: "collections synced from Ansible Galaxy",
    validated: "Red Hat Ansible validated content synced to this hub",
  },
};

async function chooseKinds(opts: SetupOptions, deps: SetupDeps): Promise<HubKind[]> {
  if (opts.hubs !== undefined) return opts.hubs;
  if (!opts.interactive) throw missingAnswer("no hub chosen", "--hub cloud|private|both");
  const choices: Choice<HubKind | "both">[] = [
    {
      value: "cloud",
      name: "Red Hat Automation Hub (console.redhat.com)",
      description: "an offline token from Red Hat",
    },
    {
      value: "private",
      name: "A private automation hub (your own server)",
      description: "an API token from your hub",
    },
    { value: "both", name: "Both" },
  ];
  const answer = await deps.prompter.select({
    message: "Which hub do you want ansible-galaxy to use?",
    choices,
  });
  return answer === "both" ? ["cloud", "private"] : [answer];
}

async function chooseRepositories(
  kind: HubKind,
  url: string,
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<Repository[]> {
  const offered = OFFERED[kind];
  const label = hubLabel({ kind, url });
  if (opts.repositories !== undefined) {
    const picked = opts.repositories.filter((r) => offered.includes(r));
    if (picked.length > 0) return picked;
    throw new HubSetupError(
      "USAGE",
      `--repository ${opts.repositories.join(", ")}: ${label} offers ${offered.join(", ")}`,
      {
        hint: `add --repository ${offered[0] ?? "published"}`,
      },
    );
  }
  if (!opts.interactive) return ["published"];
  return deps.prompter.checkbox({
    message: `Which content from ${label}? (one galaxy server each)`,
    choices: offered.map((r) => ({
      value: r,
      name: r,
      description: REPOSITORY_NAME[kind][r] ?? r,
      checked: r === "published",
    })),
    required: true,
  });
}

/** The --url for this hub: one per --hub in order, or a lone --url (with two hubs) is the private hub's. */
function givenUrl(kind: HubKind, kinds: readonly HubKind[], urls: readonly string[]): string | undefined {
  if (urls.length === kinds.length) return urls[kinds.indexOf(kind)];
  return urls.length === 1 && kind === "private" ? urls[0] : undefined;
}

export async function askHubUrl(
  kind: HubKind,
  deps: SetupDeps,
  current: string | undefined,
): Promise<string> {
  const message =
    kind === "private"
      ? "URL of your private automation hub (e.g. https://hub.example.com)"
      : "URL of Red Hat Automation Hub";
  const answer = await deps.prompter.input({
    message,
    default: current,
    validate: (v) => hubUrlProblem(v.trim(), kind) ?? true,
  });
  return answer.trim();
}

async function chooseUrl(
  kind: HubKind,
  kinds: readonly HubKind[],
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<string> {
  const given = givenUrl(kind, kinds, opts.urls);
  if (given !== undefined) {
    const problem = hubUrlProblem(given, kind);
    if (problem !== undefined) throw new HubSetupError("USAGE", `--url ${given}: ${problem}`);
    return given;
  }
  if (kind === "cloud") return deps.defaults?.cloudUrl ?? RED_HAT_CLOUD_API_ROOT;
  if (!opts.interactive)
    throw missingAnswer("no URL given for the private automation hub", "--url <hub URL>");
  return askHubUrl(kind, deps, deps.defaults?.privateUrl);
}

/** Step 2: which hub(s), which content, where. */
export async function chooseHubs(opts: SetupOptions, deps: SetupDeps): Promise<HubPlan[]> {
  const kinds = await chooseKinds(opts, deps);
  if (opts.authUrl !== undefined && !kinds.includes("cloud")) {
    throw new HubSetupError(
      "USAGE",
      "--auth-url is the Red Hat SSO token endpoint of the cloud hub: add --hub cloud, or drop it",
    );
  }
  const plans: HubPlan[] = [];
  for (const kind of kinds) {
    const url = await chooseUrl(kind, kinds, opts, deps);
    const repositories = await chooseRepositories(kind, url, opts, deps);
    const authUrl =
      kind === "cloud" ? (opts.authUrl ?? deps.defaults?.authUrl ?? RED_HAT_SSO_TOKEN_URL) : undefined;
    plans.push({ kind, url, authUrl, repositories });
  }
  return plans;
}
