import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HubSetupError } from "@hub-setup/core";
import type { AddressInfo } from "node:net";
import { buildCatalog, DEFAULT_COLLECTIONS } from "./artifacts/catalog.js";
import { createSandboxClock } from "./clock.js";
import { createController } from "./controller/controller.js";
import { answer } from "./dispatch.js";
import { createFaultSwitch } from "./faults.js";
import type { HubContext, PrivateHubState } from "./hub/handler.js";
import { createRequestLog } from "./log.js";
import { newSigningKey, openStateStore, type StateData } from "./state.js";
import { REALM_PATH, TOKEN_PATH } from "./sso/endpoint.js";
import { createRealm } from "./sso/realm.js";
import {
  CLOUD_REPOSITORIES,
  PRIVATE_REPOSITORIES,
  type CloudRepository,
  type PrivateRepository,
  type Sandbox,
  type SandboxOptions,
} from "./types.js";

export const CLOUD_PREFIX = "/api/automation-hub/";
export const PRIVATE_PREFIX = "/api/galaxy/";
export const DEMO_USERNAME = "admin";

/** Starts the simulator (127.0.0.1 and a free port unless told otherwise). Every option is optional. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const catalog = buildCatalog(options.collections ?? DEFAULT_COLLECTIONS);
  const baseClock = options.clock ?? { now: () => new Date() };
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let dispatch: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.destroy();
  const server = createServer((req, res) => dispatch(req, res));
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const base = `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;

  let store;
  try {
    store = openStateStore(options.stateDir, () => freshState(`${base}${REALM_PATH.slice(1)}`));
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const { data } = store;
  const clock = createSandboxClock(baseClock, {
    get: () => data.clockOffsetMs,
    set: (ms) => {
      data.clockOffsetMs = ms;
      store.save();
    },
  });
  const realm = createRealm({ data, now: () => clock.now(), save: () => store.save() });
  if (data.offlineToken === "") {
    data.offlineToken = realm.mintOffline();
    store.save();
  }
  const privateHub: PrivateHubState = {
    token: () => data.hubToken,
    user: { username: DEMO_USERNAME, password: data.hubPassword },
    load: () => {
      data.hubToken = randomBytes(20).toString("hex");
      store.save();
      return data.hubToken;
    },
    remove: () => {
      data.hubToken = undefined;
      store.save();
    },
  };
  let controller;
  try {
    controller = createController(store.dir, () => clock.now(), options.controller);
  } catch (error) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    store.dispose();
    throw error;
  }
  const faults = createFaultSwitch(options.faults);
  const log = createRequestLog();
  const hubs = {
    cloud: hubContext("cloud", CLOUD_PREFIX, CLOUD_REPOSITORIES),
    private: hubContext("private", PRIVATE_PREFIX, PRIVATE_REPOSITORIES),
  };
  function hubContext(kind: HubContext["kind"], prefix: string, repos: readonly string[]): HubContext {
    return { kind, prefix, repos, catalog, realm, privateHub, faults };
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  dispatch = (req, res) => {
    void answer(req, res, { log, faults, realm, hubs, controller, sleep, isClosed: () => closed });
  };

  const repoUrls = <R extends string>(prefix: string, repos: readonly R[]) =>
    Object.fromEntries(repos.map((r) => [r, `${base}${prefix.slice(1)}content/${r}/`])) as Record<R, string>;

  return {
    urls: {
      base,
      tokenEndpoint: `${base}${TOKEN_PATH.slice(1)}`,
      cloud: repoUrls<CloudRepository>(CLOUD_PREFIX, CLOUD_REPOSITORIES),
      private: repoUrls<PrivateRepository>(PRIVATE_PREFIX, PRIVATE_REPOSITORIES),
      privateTokenEndpoint: `${base}${PRIVATE_PREFIX.slice(1)}v3/auth/token/`,
    },
    tokens: {
      get offline() {
        return data.offlineToken;
      },
      get hub() {
        return data.hubToken ?? "";
      },
    },
    user: privateHub.user,
    collections: [...catalog.names],
    log: { entries: () => log.entries(), clear: () => log.clear() },
    clock,
    faults: { set: (f) => faults.set(f), clear: () => faults.clear() },
    sso: {
      revoke: (token) => {
        realm.revoke(token);
      },
      mintOfflineToken: (opts) => realm.mintOffline(opts),
    },
    hub: { loadToken: () => privateHub.load() },
    controller: controller.view(base),
    stateDir: store.dir,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await controller.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      store.dispose();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE" && error.code !== "EACCES") return reject(error);
      const why = error.code === "EADDRINUSE" ? "is already in use" : "needs privileges this user lacks";
      reject(
        new HubSetupError("USAGE", `The sandbox cannot listen on ${host}:${port}: the port ${why}.`, {
          hint: "Choose another port (--port), or 0 for a free one.",
          cause: error,
        }),
      );
    };
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      resolve();
    });
  });
}

function freshState(issuer: string): StateData {
  return {
    version: 1,
    ...newSigningKey(),
    issuer,
    clockOffsetMs: 0,
    offlineToken: "",
    hubToken: randomBytes(20).toString("hex"),
    hubPassword: randomBytes(8).toString("hex"),
    sessions: {},
  };
}
