import {
  bindingFor,
  classifyToken,
  cleartextWarning,
  describeBinding,
  galaxyServerEnvVar,
  redactValue,
  type BindingCheck,
  type TokenBinding,
  type TokenKind,
} from "@hub-setup/core";
import type { Prompter } from "../prompter/prompter.js";
import { confirmNewOrigin } from "./new-origin.js";
import type { FailureClass } from "./outcome.js";
import type {
  ConfiguredServer,
  ServerKind,
  HubTarget,
  PlaintextKey,
  StoredLookup,
  TokenReader,
  ValueSource,
} from "../ports.js";

/**
 * Where the token a server will use comes from, under `hub-setup exec` (and `eval "$(hub-setup env)"`):
 * a variable the user already set wins (as it does for Ansible), then hub-setup's store, then a
 * plaintext `token =` in ansible.cfg.
 */
export type TokenOrigin = "env" | "store" | "file";

export type ServerToken = {
  origin: TokenOrigin;
  /** The secret itself: only ever passed to a child's environment or the network, never printed. */
  value: string;
  kind: TokenKind | "invalid";
  redacted: string;
  /** ANSIBLE_GALAXY_SERVER_<ID>_TOKEN. */
  envVar: string;
};

/** Something wrong with a server's setup, found without the network. An error breaks it. */
export type Problem =
  { severity: "error"; failure: FailureClass; message: string } | { severity: "warning"; message: string };

export type ServerView = {
  id: string;
  kind: ServerKind;
  url: string | undefined;
  urlSource: ValueSource | undefined;
  authUrl: string | undefined;
  clientId: string | undefined;
  validateCerts: boolean | undefined;
  /** Basic auth: with `username` set, Ansible ignores token and auth_url. */
  basicAuth: boolean;
  token: ServerToken | undefined;
  /**
   * A secret (token or password) written in ansible.cfg itself, as core's detector judges it: a leak
   * risk even when overridden.
   */
  plaintextInFile: PlaintextKey[];
  /** Reading its token from hub-setup's store failed: whether it has one there is unknown. */
  storeUnreadable: boolean;
  /** The stored token is not sent: the server points elsewhere than where it was verified (why). */
  withheld: string | undefined;
  /** --allow-new-origin: the stored token goes to these new origins, and is bound there once accepted. */
  rebind: TokenBinding | undefined;
  /** What the binding rule warns of (clear text, a token sent to a new origin), also among `problems`. */
  bindingWarnings: string[];
  /**
   * A one-time note: the stored token had no recorded binding (stored by an earlier hub-setup) and was
   * bound, on this use, to where the server points. Not a problem; each command prints it once.
   */
  adopted: string | undefined;
  problems: Problem[];
};

/**
 * What the binding rule said of a server's stored token, and whether the person allowed a new origin
 * (`confirmed`: by answering yes in a terminal rather than by --allow-new-origin).
 */
export type StoredBinding = {
  check: BindingCheck;
  allowNewOrigin: boolean;
  confirmed?: boolean;
  /** When an allowed new origin is bound: once a hub accepts the token (status, refresh), or at once (exec, env). */
  bindsAt?: BindsAt;
};

/** status and refresh bind a token to new origins once a hub or the SSO accepts it; exec and env at once. */
export type BindsAt = "accepted" | "now";

const BOUND_WHEN: Record<BindsAt, string> = {
  accepted: "bound there once accepted",
  now: "bound there at once",
};

/** What to do about a withheld token, worded for when the command binds a new origin. */
export function allowNewOriginHint(bindsAt: BindsAt): string {
  return `if that is where you loaded the token, run this again with --allow-new-origin (it is sent there and ${BOUND_WHEN[bindsAt]}), or run \`hub-setup\` for this server; otherwise the project's ansible.cfg is pointing your token elsewhere`;
}

export const ALLOW_NEW_ORIGIN_HINT = allowNewOriginHint("accepted");

/** Red Hat SSO's token endpoint (reference §8), named in advice only. */
const RED_HAT_TOKEN_URL = "https://sso.redhat.com/auth/realms/redhat-external/protocol/openid-connect/token";

const CLOUD_HOSTS = new Set(["console.redhat.com", "cloud.redhat.com", "console.stage.redhat.com"]);

/** cloud: Red Hat's hub (an SSO exchange); galaxy: galaxy.ansible.com; private: anything else. */
export function hubKind(url: string | undefined, authUrl: string | undefined): ServerKind {
  if (authUrl !== undefined && authUrl.trim() !== "") return "cloud";
  let parsed: URL | undefined;
  try {
    parsed = url === undefined ? undefined : new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) return "private";
  if (CLOUD_HOSTS.has(parsed.hostname) || parsed.pathname.includes("/api/automation-hub/")) return "cloud";
  if (parsed.hostname === "galaxy.ansible.com") return "galaxy";
  return "private";
}

function describeToken(origin: TokenOrigin, value: string, id: string): ServerToken {
  const info = classifyToken(value);
  const envVar = galaxyServerEnvVar(id, "token");
  if (!info.ok) return { origin, value, kind: "invalid", redacted: redactValue(value, "value"), envVar };
  return { origin, value: info.value, kind: info.kind, redacted: info.redacted, envVar };
}

/** The token a server will use: env beats the store, the store beats the file (see TokenOrigin). */
export function pickToken(server: ConfiguredServer, stored: string | undefined): ServerToken | undefined {
  const fromConfig = server.token;
  if (fromConfig !== undefined && fromConfig.source === "env" && fromConfig.value.trim() !== "") {
    return describeToken("env", fromConfig.value, server.id);
  }
  if (stored !== undefined && stored.trim() !== "") return describeToken("store", stored, server.id);
  if (fromConfig !== undefined && fromConfig.source === "file" && fromConfig.value.trim() !== "") {
    return describeToken("file", fromConfig.value, server.id);
  }
  return undefined;
}

function problemsOf(
  server: ConfiguredServer,
  token: ServerToken | undefined,
  storeUnreadable: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const error = (failure: FailureClass, message: string) =>
    problems.push({ severity: "error", failure, message });
  if (storeUnreadable && token === undefined && server.username === undefined) {
    error(
      "config",
      "hub-setup's store cannot be read, so whether it holds this server's token is unknown: fix the store (see its error), then run this again",
    );
  }
  if (server.idProblem !== undefined) {
    problems.push({ severity: "warning", message: `server id "${server.id}": ${server.idProblem}` });
  }
  if (server.url === undefined) {
    error(
      "config",
      server.sectionExists
        ? `[galaxy_server.${server.id}] has no url: ansible-galaxy refuses to start`
        : `"${server.id}" is in server_list but ansible.cfg has no [galaxy_server.${server.id}] section and ${galaxyServerEnvVar(server.id, "url")} is not set: ansible-galaxy refuses to start`,
    );
  }
  if (token === undefined || server.username !== undefined) return problems;
  if (token.kind === "invalid") {
    error(
      "auth",
      `the ${token.origin === "file" ? "token in ansible.cfg" : token.origin === "env" ? `value of ${token.envVar}` : "stored token"} is not a token at all`,
    );
  } else if (token.kind === "offline" && server.authUrl === undefined) {
    error(
      "config",
      `an offline token needs auth_url (the SSO token endpoint; Red Hat's is ${RED_HAT_TOKEN_URL}): without it ansible-galaxy sends the token as-is and the hub refuses it`,
    );
  } else if (token.kind === "hub-api" && server.authUrl !== undefined) {
    error(
      "auth",
      "a private hub API token on a server with auth_url: Red Hat SSO will refuse to exchange it",
    );
  } else if (token.kind === "access") {
    problems.push({
      severity: "warning",
      message:
        "a short-lived access token: it stops working within minutes; use the offline token it came from",
    });
  }
  return problems;
}

/** The origins a server points its token at now (undefined: its url or auth_url is not an http(s) URL). */
export function currentBinding(server: ConfiguredServer): TokenBinding | undefined {
  if (server.url === undefined) return undefined;
  return bindingFor({ url: server.url.value, authUrl: server.authUrl?.value });
}

/** Warnings for a server whose url or auth_url is plain http to another machine (a token would go in clear). */
function cleartextProblems(server: ConfiguredServer): Problem[] {
  const problems: Problem[] = [];
  for (const [url, what] of [
    [server.url?.value, "the hub"],
    [server.authUrl?.value, "the SSO (auth_url)"],
  ] as const) {
    const warning = cleartextWarning(url, what);
    if (warning !== undefined) problems.push({ severity: "warning", message: warning });
  }
  return problems;
}

/** Where a stored token would go, and the warnings and errors of the binding rule about it. */
function bindingProblems(
  server: ConfiguredServer,
  binding: StoredBinding,
): {
  send: boolean;
  rebind: TokenBinding | undefined;
  problems: Problem[];
} {
  const { check, allowNewOrigin, confirmed } = binding;
  const bindsAt = binding.bindsAt ?? "accepted";
  const problems: Problem[] = [];
  const current = currentBinding(server);
  if (check.ok) return { send: true, rebind: undefined, problems };
  if (allowNewOrigin && current !== undefined) {
    const was = check.bound === undefined ? "no recorded origin" : describeBinding(check.bound);
    problems.push({
      severity: "warning",
      message: `${confirmed === true ? "you answered yes" : "--allow-new-origin"}: the stored token goes to ${describeBinding(current)} (it was bound to ${was}); it is ${BOUND_WHEN[bindsAt]}`,
    });
    return { send: true, rebind: current, problems };
  }
  problems.push({
    severity: "error",
    failure: "config",
    message: `${check.message}: ${allowNewOriginHint(bindsAt)}`,
  });
  return { send: false, rebind: undefined, problems };
}

/** The view of one server that status, refresh, exec and env share. */
export function viewServer(
  server: ConfiguredServer,
  stored: string | undefined,
  storeUnreadable = false,
  binding?: StoredBinding,
): ServerView {
  const kind = hubKind(server.url?.value, server.authUrl?.value);
  const basicAuth = server.username !== undefined && server.username.value !== "";
  let token = basicAuth ? undefined : pickToken(server, stored);
  let withheld: string | undefined;
  let rebind: TokenBinding | undefined;
  const bindingIssues: Problem[] = [];
  const adopted =
    binding?.check.ok === true && binding.check.adopted
      ? `the stored token had no recorded origins (stored by an earlier hub-setup): it is now bound to ${describeBinding(binding.check.binding)}, where the ansible.cfg read here points it, and is sent nowhere else (see docs: token binding)`
      : undefined;
  if (token?.origin === "store" && binding !== undefined) {
    // The stored token would be sent: only where it was verified, unless the person says otherwise.
    const judged = bindingProblems(server, binding);
    bindingIssues.push(...judged.problems);
    rebind = judged.rebind;
    if (!judged.send) {
      withheld = binding.check.ok ? undefined : binding.check.message;
      token = pickToken(server, undefined);
    }
  }
  // Whatever its origin, a token (or a password) to an http:// host that is not this machine goes in clear.
  if (token !== undefined || basicAuth) bindingIssues.unshift(...cleartextProblems(server));
  // Decided by core's secrets detector over the file's text (servers/plaintext.ts), not here.
  const plaintextInFile = [...server.plaintextInFile];
  return {
    id: server.id,
    kind,
    url: server.url?.value,
    urlSource: server.url?.source,
    authUrl: server.authUrl?.value,
    clientId: server.clientId?.value,
    validateCerts: server.validateCerts?.value,
    basicAuth,
    token,
    plaintextInFile,
    storeUnreadable,
    withheld,
    rebind,
    bindingWarnings: bindingIssues.filter((p) => p.severity === "warning").map((p) => p.message),
    adopted,
    problems: [...bindingIssues, ...problemsOf(server, token, storeUnreadable)],
  };
}

/**
 * Every configured server, with the store's token looked up for each. A failed look-up (an insecure or
 * locked store) propagates, unless `onStoreError` is given: then it is told each error and the server
 * is viewed as one whose stored token is unknown (status reports the store and every server anyway).
 */
export type ViewOptions = {
  /** --allow-new-origin: every stored token goes where its server now points. */
  allowNewOrigin?: boolean;
  /**
   * Given when questions may be asked (a terminal, not --no-interactive): a stored token that would be
   * withheld because its server moved is sent if the person says so, server by server, once each.
   */
  prompter?: Prompter | undefined;
  /** When a new origin is bound (the hint's wording): "accepted" (default; status, refresh) or "now" (exec, env). */
  bindsAt?: BindsAt;
};

/** Whether to ask about a server's stored token: it is what would be sent, and only a move withholds it. */
function askable(server: ConfiguredServer, found: StoredLookup): TokenBinding | undefined {
  if (found.check.ok || found.check.reason !== "moved") return undefined;
  if (server.username !== undefined && server.username.value !== "") return undefined;
  if (pickToken(server, found.token)?.origin !== "store") return undefined;
  return currentBinding(server);
}

async function storedBinding(
  server: ConfiguredServer,
  found: StoredLookup,
  options: ViewOptions,
): Promise<StoredBinding> {
  const allowNewOrigin = options.allowNewOrigin === true;
  const bindsAt = options.bindsAt ?? "accepted";
  const current = askable(server, found);
  if (allowNewOrigin || options.prompter === undefined || current === undefined || found.check.ok) {
    return { check: found.check, allowNewOrigin, bindsAt };
  }
  const yes = await confirmNewOrigin(options.prompter, server.id, found.check, current, {
    url: server.url?.value,
    authUrl: server.authUrl?.value,
  });
  return { check: found.check, allowNewOrigin: yes, confirmed: yes, bindsAt };
}

export async function viewServers(
  servers: readonly ConfiguredServer[],
  store: Pick<TokenReader, "lookup"> | undefined,
  onStoreError?: (error: unknown) => void,
  options: ViewOptions = {},
): Promise<ServerView[]> {
  const views: ServerView[] = [];
  for (const server of servers) {
    let found: StoredLookup | undefined;
    let unreadable = false;
    try {
      found = store === undefined ? undefined : await store.lookup(server.id, currentBinding(server));
    } catch (error) {
      if (onStoreError === undefined) throw error;
      onStoreError(error);
      unreadable = true;
    }
    const binding = found === undefined ? undefined : await storedBinding(server, found, options);
    views.push(viewServer(server, found?.token, unreadable, binding));
  }
  return views;
}

/** What the network checks need to know about a server, when it has a url. */
export function hubTarget(view: ServerView): HubTarget | undefined {
  if (view.url === undefined) return undefined;
  const target: HubTarget = { kind: view.kind, url: view.url };
  if (view.authUrl !== undefined) target.authUrl = view.authUrl;
  if (view.clientId !== undefined) target.clientId = view.clientId;
  if (view.validateCerts !== undefined) target.validateCerts = view.validateCerts;
  return target;
}
