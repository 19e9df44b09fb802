/**
 * Fakes of the subcommands' ports (src/ports.ts): an in-memory config, store and state,
 * and a hub-check port that answers from a script and fails the test on any call it was not told of.
 */
import { checkBinding, galaxyServerEnvVar, HubSetupError, type TokenBinding } from "@hub-setup/core";
import { fakeHubToken, fakeJwt, RED_HAT_ISSUER } from "@hub-setup/test-utils";
import type {
  CheckResult,
  ConfiguredServer,
  HubChecks,
  HubTarget,
  LoadedConfig,
  RefreshResult,
  RefreshState,
  Sourced,
  TokenReader,
  ValueSource,
} from "../../src/ports.js";

/** A Red Hat style offline token with these claims (seeded by them: the same claims give the same token). */
export function offlineToken(claims: { iss?: string; azp?: string; sub?: string } = {}): string {
  const seed = `wizard-${claims.iss ?? ""}-${claims.azp ?? ""}-${claims.sub ?? ""}`;
  return fakeJwt(seed, {
    iss: claims.iss ?? RED_HAT_ISSUER,
    typ: "Offline",
    azp: claims.azp ?? "cloud-services",
    sub: claims.sub ?? "f:0000:tester",
    scope: "openid offline_access",
    iat: 1_700_000_000,
  });
}

/** A 40-hex private hub token, different per seed and the same for the same seed. */
export function hubToken(seed = 1): string {
  return fakeHubToken(`wizard-${seed}`);
}

type ServerSpec = {
  url?: string | [string, ValueSource];
  token?: string | [string, ValueSource];
  authUrl?: string;
  clientId?: string;
  username?: string;
  password?: string;
  idProblem?: string;
  sectionExists?: boolean;
};

function sourced(v: string | [string, ValueSource] | undefined): Sourced<string> | undefined {
  if (v === undefined) return undefined;
  return typeof v === "string" ? { value: v, source: "file" } : { value: v[0], source: v[1] };
}

export function server(id: string, spec: ServerSpec = {}): ConfiguredServer {
  const s: ConfiguredServer = { id, sectionExists: spec.sectionExists ?? true };
  const url = sourced(spec.url);
  const token = sourced(spec.token);
  if (url !== undefined) s.url = url;
  if (token !== undefined) s.token = token;
  if (spec.authUrl !== undefined) s.authUrl = { value: spec.authUrl, source: "file" };
  if (spec.clientId !== undefined) s.clientId = { value: spec.clientId, source: "file" };
  if (spec.username !== undefined) s.username = { value: spec.username, source: "file" };
  if (spec.password !== undefined) s.password = { value: spec.password, source: "file" };
  if (spec.idProblem !== undefined) s.idProblem = spec.idProblem;
  return s;
}

export function loadedConfig(servers: ConfiguredServer[], path = "/work/ansible.cfg"): LoadedConfig {
  return {
    path,
    reason: "./ansible.cfg in the current folder (ANSIBLE_CONFIG is not set)",
    candidates: [{ path, chosen: true, reason: "exists" }],
    warnings: [],
    serverListSource: servers.length > 0 ? "file" : undefined,
    servers,
    problems: [],
  };
}

/**
 * An in-memory store. Without `bindings`, every token counts as verified where the config points (the
 * binding rule passes); with them, the ids named are bound to those origins and judged by core's real
 * rule (ids not named are unbound, as a token stored before bindings existed, and adopted on first use as
 * the real adapter does). `bound` records `bind` and adoptions.
 */
export function memoryStore(
  entries: Record<string, string> = {},
  bindings?: Record<string, TokenBinding>,
): TokenReader & { data: Map<string, string>; bound: Map<string, TokenBinding> } {
  const data = new Map(Object.entries(entries));
  const bound = new Map(Object.entries(bindings ?? {}));
  return {
    backend: "file",
    location: "/home/test/.config/hub-setup/credentials",
    data,
    bound,
    get: async (id) => data.get(id),
    list: async () => [...data.keys()],
    // Reads through `get`, as the real adapter does (a test that makes `get` fail fails lookups too).
    async lookup(this: TokenReader, id: string, current: TokenBinding | undefined) {
      const token = await this.get(id);
      if (token === undefined) return undefined;
      if (bindings === undefined && current !== undefined)
        return { token, check: { ok: true, binding: current, adopted: false } };
      const check = checkBinding(id, bound.get(id), current, token);
      if (check.ok && check.adopted) bound.set(id, check.binding);
      return { token, check };
    },
    bind: async (id, token, binding) => {
      if (data.get(id) !== token) return false;
      bound.set(id, binding);
      return true;
    },
  };
}

export function memoryState(
  initial: Array<[id: string, fingerprint: string, at: Date]> = [],
): RefreshState & { records: Array<[string, string, string]> } {
  const records = initial.map(([id, fp, at]) => [id, fp, at.toISOString()] as [string, string, string]);
  return {
    records,
    lastRefresh: async (id, fp) => {
      const hit = records.filter(([i, f]) => i === id && f === fp).at(-1);
      return hit === undefined ? undefined : new Date(hit[2]);
    },
    recordRefresh: async (id, fp, at) => {
      records.push([id, fp, at.toISOString()]);
    },
  };
}

/** A scripted live check: what status reads of a CheckResult (the fake adds the error it carries). */
export type ScriptedCheck =
  { ok: true } | { ok: false; outcome: string; message: string; expectedUrl?: string };

export type ChecksScript = {
  /** Keyed by the hub url. */
  verify?: Record<string, ScriptedCheck>;
  /** Keyed by the token. */
  refresh?: Record<string, RefreshResult>;
};

/** A HubChecks that answers from the script and throws on anything unscripted; records every call. */
export function scriptedChecks(script: ChecksScript) {
  const calls: Array<{
    op: "verify" | "refresh";
    key: string;
    target?: HubTarget;
    authUrl?: string;
    clientId?: string;
  }> = [];
  let closed = 0;
  const checks: HubChecks = {
    verify: async (target, token) => {
      calls.push({ op: "verify", key: target.url, target });
      const answer = script.verify?.[target.url];
      if (answer === undefined)
        throw new Error(`unexpected verify of ${target.url} (token ${token.length} chars)`);
      return checkResult(answer);
    },
    refresh: async (request) => {
      calls.push({ op: "refresh", key: request.token, authUrl: request.authUrl, clientId: request.clientId });
      const answer = script.refresh?.[request.token];
      if (answer === undefined) throw new Error(`unexpected refresh at ${request.authUrl}`);
      return answer;
    },
    close: async () => {
      closed += 1;
    },
  };
  return { checks, calls, closedCount: () => closed };
}

export const refreshed = (attempts = 1): RefreshResult => ({ ok: true, expiresIn: 900, attempts });
export const refreshFailed = (
  outcome: "expired" | "network" | "unavailable" | "wrong-client" | "rejected",
  message = `fake ${outcome}`,
): RefreshResult => ({
  ok: false,
  outcome,
  message,
  attempts: 1,
});

/** Collects what a command prints. */
export function output() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (t: string) => void out.push(t),
    stderr: (t: string) => void err.push(t),
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

export const envVar = (id: string) => galaxyServerEnvVar(id, "token");

/** The full CheckResult of a scripted one: a failure carries an error, as the real adapter's does. */
export function checkResult(answer: ScriptedCheck): CheckResult {
  return answer.ok ? answer : { ...answer, error: new HubSetupError("INTERNAL", answer.message) };
}
