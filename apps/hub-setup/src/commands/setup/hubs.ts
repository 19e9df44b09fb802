import { HubSetupError, RED_HAT_CLOUD_API_ROOT, RED_HAT_SSO_TOKEN_URL } from "@hub-setup/core";
import type { Choice } from "../../prompter/prompter.js";
import { missingAnswer, type HubKind, type Repository, type SetupOptions } from "./options.js";
import type { SetupDeps } from "./deps.js";
import { hubUrlProblem } from "./urls.js";
import { OFFERED } from "../../servers/hub-repositories.js";

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

const REPOSITORY_NAME: Record<Repository, string> = {
  published: "Red Hat certified collections (on a private hub: what your organisation published)",
  validated: "Red Hat Ansible validated content",
  "rh-certified": "certified collections synced from Red Hat",
  community: "collections synced from Ansible Galaxy",
};

async function chooseKinds(opts: SetupOptions, deps: SetupDeps): Promise<HubKind[]> {
  if (opts.hubs !== undefined) return opts.hubs;
  if (!opts.interactive) throw missingAnswer("which hub to connect", "--hub cloud|private|both");
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

async function chooseRepositories(kind: HubKind, opts: SetupOptions, deps: SetupDeps): Promise<Repository[]> {
  const offered = OFFERED[kind];
  if (opts.repositories !== undefined) {
    const picked = opts.repositories.filter((r) => offered.includes(r));
    if (picked.length > 0) return picked;
    throw new HubSetupError(
      "USAGE",
      `--repository ${opts.repositories.join(", ")}: ${HUB_NAME[kind]} offers ${offered.join(", ")}`,
      {
        hint: `add --repository ${offered[0] ?? "published"}`,
      },
    );
  }
  if (!opts.interactive) return ["published"];
  return deps.prompter.checkbox({
    message: `Which content from ${HUB_NAME[kind]}? (one galaxy server each)`,
    choices: offered.map((r) => ({
      value: r,
      name: r,
      description: REPOSITORY_NAME[r],
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
  if (!opts.interactive) throw missingAnswer("the private automation hub's URL", "--url <hub URL>");
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
    const repositories = await chooseRepositories(kind, opts, deps);
    const authUrl =
      kind === "cloud" ? (opts.authUrl ?? deps.defaults?.authUrl ?? RED_HAT_SSO_TOKEN_URL) : undefined;
    plans.push({ kind, url, authUrl, repositories });
  }
  return plans;
}
