import {
  galaxyServerEnvVar,
  HubSetupError,
  normalizeTokenInput,
  RED_HAT_CLOUD_HUB_URL,
  RED_HAT_SSO_TOKEN_URL,
  serverIdProblem,
  type HubKind,
} from "@hub-setup/core";
import {
  defaultServerId,
  OFFERED,
  REPOSITORIES,
  repositoryUrl,
  type Repository,
} from "../../servers/hub-repositories.js";

/**
 * What a CI job gives `ci`, as raw text (environment variables, flags or the action's inputs); an
 * empty string counts as not given, as GitHub passes an input left out.
 */
export type CiInputs = {
  offlineToken?: string | undefined;
  cloudUrl?: string | undefined;
  authUrl?: string | undefined;
  privateHubUrl?: string | undefined;
  privateHubToken?: string | undefined;
  repositories?: string | undefined;
  serverIds?: string | undefined;
};

/** How each input is called where it came from ("HUB_SETUP_OFFLINE_TOKEN", "the offline-token input"). */
export type InputNames = Record<keyof CiInputs, string>;

export type CiServer = { id: string; url: string; repository: Repository };

/** One hub, its token (once) and the galaxy servers (one per repository) it becomes. */
export type CiHub = { kind: HubKind; token: string; authUrl?: string; servers: CiServer[] };

export type CiPlan = { hubs: CiHub[]; serverList: string[] };

export type Variable = { name: string; value: string; secret: boolean };

function given(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === "" ? undefined : v;
}

function usage(message: string, hint?: string): HubSetupError {
  return new HubSetupError("USAGE", message, hint === undefined ? {} : { hint });
}

/** The comma list of repositories; each must be one a hub offers. */
function repositoriesFrom(text: string | undefined, names: InputNames): Repository[] {
  const items = (given(text) ?? "published")
    .split(",")
    .map((r) => r.trim())
    .filter((r) => r !== "");
  const unknown = items.filter((r) => !REPOSITORIES.some((known) => known === r));
  if (unknown.length > 0 || items.length === 0) {
    throw usage(
      `${names.repositories}: "${unknown.join(", ")}" is not a repository`,
      `use a comma list of ${REPOSITORIES.join(", ")}`,
    );
  }
  return [...new Set(items)] as Repository[];
}

/** A token as ansible-galaxy must get it: the quotes, prefix or line breaks of a paste removed. */
function cleanToken(raw: string): string {
  const normalized = normalizeTokenInput(raw);
  return normalized.ok ? normalized.value : raw;
}

function hubServers(kind: HubKind, url: string, wanted: readonly Repository[]): CiServer[] {
  return OFFERED[kind]
    .filter((r) => wanted.includes(r))
    .map((repository) => ({
      id: defaultServerId(kind, repository),
      url: repositoryUrl(url, kind, repository),
      repository,
    }));
}

function renameServers(hubs: CiHub[], text: string, names: InputNames): CiHub[] {
  const ids = text.split(",").map((id) => id.trim());
  const servers = hubs.flatMap((h) => h.servers);
  if (ids.length !== servers.length) {
    throw usage(
      `${names.serverIds} names ${ids.length} server${ids.length === 1 ? "" : "s"}, but ${servers.length} are configured (${servers.map((s) => s.id).join(", ")})`,
      "give one id per server, in that order",
    );
  }
  for (const id of ids) {
    const problem = serverIdProblem(id);
    if (problem !== undefined) {
      throw usage(`${names.serverIds}: "${id}": ${problem.reason}`, `use ${problem.suggestion}`);
    }
  }
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) throw usage(`${names.serverIds}: "${dup}" is given twice`);
  let next = 0;
  return hubs.map((hub) => ({
    ...hub,
    servers: hub.servers.map((s) => ({ ...s, id: ids[next++] ?? s.id })),
  }));
}

/**
 * The galaxy servers a CI job gets: Red Hat's hub when an offline token is given, a private hub when
 * its token is (with its URL), one server per repository each hub offers, in the wizard's order.
 */
export function planCi(inputs: CiInputs, names: InputNames): CiPlan {
  const offline = given(inputs.offlineToken);
  const hubToken = given(inputs.privateHubToken);
  const privateUrl = given(inputs.privateHubUrl);
  if (offline === undefined && hubToken === undefined) {
    throw usage(
      `nothing to configure: neither ${names.offlineToken} nor ${names.privateHubToken} is set`,
      "pass the tokens from your CI secrets",
    );
  }
  if (hubToken !== undefined && privateUrl === undefined) {
    throw usage(`${names.privateHubToken} is set but ${names.privateHubUrl} is not`, "give your hub's URL");
  }
  if (hubToken === undefined && privateUrl !== undefined) {
    throw usage(`${names.privateHubUrl} is set but ${names.privateHubToken} is not`);
  }
  const wanted = repositoriesFrom(inputs.repositories, names);
  let hubs: CiHub[] = [];
  if (offline !== undefined) {
    hubs.push({
      kind: "cloud",
      token: cleanToken(offline),
      authUrl: given(inputs.authUrl) ?? RED_HAT_SSO_TOKEN_URL,
      servers: hubServers("cloud", given(inputs.cloudUrl) ?? RED_HAT_CLOUD_HUB_URL(), wanted),
    });
  }
  if (hubToken !== undefined && privateUrl !== undefined) {
    hubs.push({
      kind: "private",
      token: cleanToken(hubToken),
      servers: hubServers("private", privateUrl, wanted),
    });
  }
  for (const hub of hubs) {
    if (hub.servers.length === 0) {
      const where = hub.kind === "cloud" ? "Red Hat Automation Hub" : "a private automation hub";
      throw usage(
        `${names.repositories}: ${where} offers none of ${wanted.join(", ")}`,
        `it offers ${OFFERED[hub.kind].join(", ")}`,
      );
    }
  }
  const ids = given(inputs.serverIds);
  if (ids !== undefined) hubs = renameServers(hubs, ids, names);
  return { hubs, serverList: hubs.flatMap((h) => h.servers.map((s) => s.id)) };
}

/** The variables ansible-galaxy reads instead of ansible.cfg: the list, then each server's URL, SSO, token. */
export function planVariables(plan: CiPlan): Variable[] {
  const vars: Variable[] = [
    { name: "ANSIBLE_GALAXY_SERVER_LIST", value: plan.serverList.join(","), secret: false },
  ];
  for (const hub of plan.hubs) {
    for (const server of hub.servers) {
      vars.push({ name: galaxyServerEnvVar(server.id, "url"), value: server.url, secret: false });
      if (hub.authUrl !== undefined) {
        vars.push({ name: galaxyServerEnvVar(server.id, "auth_url"), value: hub.authUrl, secret: false });
      }
      vars.push({ name: galaxyServerEnvVar(server.id, "token"), value: hub.token, secret: true });
    }
  }
  return vars;
}

/** Every value that must never show in a log: the tokens as given and as exported. */
export function secretsOf(inputs: CiInputs): string[] {
  const raw = [inputs.offlineToken, inputs.privateHubToken].flatMap((t) => {
    const v = given(t);
    return v === undefined ? [] : [v, cleanToken(v)];
  });
  return [...new Set(raw)];
}
