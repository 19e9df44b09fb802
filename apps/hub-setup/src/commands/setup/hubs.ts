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

/** The hubs chosen, and whether the cloud hub is somewhere else than console.redhat.com (ask its URLs first). */
type Kinds = { kinds: HubKind[]; cloudElsewhere: boolean };

async function chooseKinds(opts: SetupOptions, deps: SetupDeps): Promise<Kinds> {
  if (opts.hubs !== undefined) return { kinds: opts.hubs, cloudElsewhere: false };
  if (!opts.interactive) throw missingAnswer("no hub chosen", "--hub cloud|private|both");
  const choices: Choice<HubKind | "both" | "elsewhere">[] = [
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
    {
      value: "elsewhere",
      name: "An Automation Hub at another address (a mirror, a test SSO, the sandbox)",
      description: "asks the hub URL and the SSO token endpoint (auth_url) before anything is contacted",
    },
  ];
  const answer = await deps.prompter.select({
    message: "Which hub do you want ansible-galaxy to use?",
    choices,
  });
  if (answer === "elsewhere") return { kinds: ["cloud"], cloudElsewhere: true };
  return { kinds: answer === "both" ? ["cloud", "private"] : [answer], cloudElsewhere: false };
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

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * An address given without a scheme (`127.0.0.1:37783`, `hub.example.com`): both schemes are asked
 * first, so that a server speaking plain HTTP gets "did you mean http://…" instead of a TLS error and
 * advice about CA bundles. https:// is used when it answers, or when neither does.
 */
export async function withScheme(
  url: string,
  kind: HubKind,
  opts: SetupOptions,
  deps: SetupDeps,
): Promise<string> {
  let current = url.trim();
  for (;;) {
    if (HAS_SCHEME.test(current)) return current;
    const hostPort = current.split("/")[0] ?? current;
    const answered = await deps.spinner.spin(`Asking ${hostPort} whether it speaks https or http`, () =>
      deps.ports.probeSchemes(hostPort, deps.signal),
    );
    if (deps.signal.aborted) throw new HubSetupError("CANCELLED", "cancelled");
    const https = `https://${current}`;
    const http = `http://${current}`;
    if (answered.https || !answered.http) {
      deps.print(`  No scheme given: using ${https}\n`);
      return https;
    }
    const why = `${hostPort} answers plain HTTP, not HTTPS`;
    if (!opts.interactive) {
      throw new HubSetupError("USAGE", `--url ${current} has no scheme, and ${why}: did you mean ${http}?`, {
        hint: `pass --url ${http} (plain HTTP is for test servers: the token crosses the network unencrypted)`,
      });
    }
    deps.print(`  ${deps.style.yellow("note:")} ${current} has no scheme, and ${why}.\n`);
    if (await deps.prompter.confirm({ message: `Did you mean ${http}?`, default: true })) return http;
    current = await askHubUrl(kind, deps, https);
  }
}

/** The SSO token endpoint the offline token is exchanged at (asked before any network call). */
export async function askAuthUrl(deps: SetupDeps, current: string | undefined): Promise<string> {
  const answer = await deps.prompter.input({
    message: "SSO token endpoint (auth_url) for that hub",
    default: current,
    validate: (v) => hubUrlProblem(v.trim(), "cloud") ?? true,
  });
  return answer.trim();
}

async function chooseUrl(
  kind: HubKind,
  kinds: readonly HubKind[],
  opts: SetupOptions,
  deps: SetupDeps,
  cloudElsewhere: boolean,
): Promise<string> {
  const given = givenUrl(kind, kinds, opts.urls);
  if (given !== undefined) {
    const problem = hubUrlProblem(given, kind);
    if (problem !== undefined) throw new HubSetupError("USAGE", `--url ${given}: ${problem}`);
    return withScheme(given, kind, opts, deps);
  }
  if (kind === "cloud" && cloudElsewhere)
    return withScheme(
      await askHubUrl(kind, deps, deps.defaults?.cloudUrl ?? RED_HAT_CLOUD_API_ROOT),
      kind,
      opts,
      deps,
    );
  if (kind === "cloud") return deps.defaults?.cloudUrl ?? RED_HAT_CLOUD_API_ROOT;
  if (!opts.interactive)
    throw missingAnswer("no URL given for the private automation hub", "--url <hub URL>");
  return withScheme(await askHubUrl(kind, deps, deps.defaults?.privateUrl), kind, opts, deps);
}

/** Step 2: which hub(s), which content, where. */
export async function chooseHubs(opts: SetupOptions, deps: SetupDeps): Promise<HubPlan[]> {
  const { kinds, cloudElsewhere } = await chooseKinds(opts, deps);
  if (opts.authUrl !== undefined && !kinds.includes("cloud")) {
    throw new HubSetupError(
      "USAGE",
      "--auth-url is the Red Hat SSO token endpoint of the cloud hub: add --hub cloud, or drop it",
    );
  }
  const plans: HubPlan[] = [];
  for (const kind of kinds) {
    const url = await chooseUrl(kind, kinds, opts, deps, cloudElsewhere);
    const defaultAuth = opts.authUrl ?? deps.defaults?.authUrl ?? RED_HAT_SSO_TOKEN_URL;
    const authUrl =
      kind !== "cloud"
        ? undefined
        : cloudElsewhere && opts.authUrl === undefined
          ? await askAuthUrl(deps, defaultAuth)
          : defaultAuth;
    const repositories = await chooseRepositories(kind, url, opts, deps);
    plans.push({ kind, url, authUrl, repositories });
  }
  return plans;
}
