/**
 * The automation controller's REST API, the part Galaxy credentials need, over core's HttpPort (undici,
 * loaded lazily). AWX and AAP 2.4 serve it at /api/v2/, AAP 2.5+ behind the platform gateway at
 * /api/controller/v2/: the first root that answers is used. Facts: packages/sandbox/README.md
 * "Controller" (AWX's serializers, views and fields).
 */
import {
  describeUrl,
  HubSetupError,
  isHttpRequestError,
  readJsonBody,
  scrubServerText,
  type ErrorCode,
  type HttpPort,
  type HttpRequest,
  type HttpResponse,
} from "@hub-setup/core";
import type { ControllerApi, ControllerCredential, ControllerTarget, Env, GalaxyInputs } from "../ports.js";

const ROOTS = ["api/controller/v2/", "api/v2/"] as const;
const TIMEOUT_MS = 30_000;
const MAX_PAGES = 20;

type Json = Record<string, unknown>;

function authHeader(target: ControllerTarget): string {
  const { auth } = target;
  return auth.kind === "bearer"
    ? `Bearer ${auth.token}`
    : `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`;
}

function secretsOf(target: ControllerTarget): string[] {
  return target.auth.kind === "bearer" ? [target.auth.token] : [target.auth.password];
}

/** What the controller said in an error body (its `detail`, `msg`, or the field errors), scrubbed. */
function said(res: HttpResponse, secrets: readonly string[]): string {
  const body = readJsonBody(res, secrets);
  if (!body.ok) return body.what;
  const detail = body.json["detail"] ?? body.json["msg"];
  const text = typeof detail === "string" ? detail : JSON.stringify(body.json);
  return scrubServerText(text, secrets).slice(0, 300);
}

function refusal(res: HttpResponse, what: string, host: string, secrets: readonly string[]): HubSetupError {
  const why = said(res, secrets);
  const fail = (code: ErrorCode, message: string, hint: string) => new HubSetupError(code, message, { hint });
  switch (res.status) {
    case 401:
      return fail(
        "TOKEN_REJECTED",
        `the controller at ${host} refused hub-setup's sign-in (HTTP 401: ${why})`,
        "check CONTROLLER_OAUTH_TOKEN, or CONTROLLER_USERNAME and CONTROLLER_PASSWORD",
      );
    case 403:
      return fail(
        "HUB_FORBIDDEN",
        `the controller at ${host} does not let this user ${what} (HTTP 403: ${why})`,
        "sign in as a user who may edit credentials and the organisation (an organisation or system administrator)",
      );
    case 404:
      return fail(
        "HUB_NOT_FOUND",
        `the controller at ${host} has no ${what.replace(/^(read|change|create|list) /, "")} (HTTP 404: ${why})`,
        "check the name, or that CONTROLLER_HOST is the controller (or the AAP 2.5+ platform gateway)",
      );
    default:
      return fail(
        res.status >= 500 ? "UNAVAILABLE" : "INTERNAL",
        `the controller at ${host} could not ${what} (HTTP ${res.status}: ${why})`,
        res.status >= 500 ? "try again later" : "see what the controller said above",
      );
  }
}

/** The controller client for one host, with its sign-in, over an HttpPort. */
export function controllerApi(http: HttpPort, target: ControllerTarget): ControllerApi {
  const host = describeUrl(target.url);
  const secrets = secretsOf(target);
  const base = target.url.endsWith("/") ? target.url : `${target.url}/`;
  let root: string | undefined;

  /** One exchange; no answer at all is the controller being unreachable, said with its address. */
  async function exchange(req: HttpRequest): Promise<HttpResponse> {
    try {
      return await http.request(req);
    } catch (error) {
      if (!isHttpRequestError(error) || error.kind === "aborted") throw error;
      throw new HubSetupError("NETWORK", `the controller at ${host} could not be reached: ${error.message}`, {
        hint: error.hint ?? "check --controller-url or CONTROLLER_HOST, and the network or proxy between",
      });
    }
  }

  async function send(method: "GET" | "POST" | "PATCH", url: string, body?: unknown): Promise<HttpResponse> {
    return exchange({
      method,
      url,
      headers: {
        authorization: authHeader(target),
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      timeoutMs: TIMEOUT_MS,
    });
  }

  async function apiRoot(): Promise<string> {
    if (root !== undefined) return root;
    for (const path of ROOTS) {
      const res = await exchange({ method: "GET", url: `${base}${path}`, timeoutMs: TIMEOUT_MS });
      if (res.status === 200 && readJsonBody(res, secrets).ok) return (root = `${base}${path}`);
      if (res.status !== 404) throw refusal(res, `serve its API at /${path}`, host, secrets);
    }
    throw new HubSetupError(
      "HUB_NOT_FOUND",
      `no controller API at ${host}: neither /api/controller/v2/ (AAP 2.5+) nor /api/v2/ (AWX, AAP 2.4) answered`,
      { hint: "check --controller-url or CONTROLLER_HOST: the controller's (or platform gateway's) address" },
    );
  }

  async function call(what: string, method: "GET" | "POST" | "PATCH", path: string, body?: unknown) {
    const url = path.startsWith("/") ? new URL(path, base).href : `${await apiRoot()}${path}`;
    const res = await send(method, url, body);
    if (res.status < 200 || res.status >= 300) throw refusal(res, what, host, secrets);
    if (res.status === 204 || res.body === "") return {};
    const parsed = readJsonBody(res, secrets);
    if (!parsed.ok) throw new HubSetupError("INTERNAL", `the controller at ${host} answered ${parsed.what}`);
    return parsed.json;
  }

  /** Every item of a list, following `next` (host-relative, as AWX writes it). */
  async function all(what: string, path: string): Promise<Json[]> {
    const items: Json[] = [];
    let next: string | undefined = path;
    for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
      const json = await call(what, "GET", next);
      const results = json["results"];
      if (Array.isArray(results)) items.push(...(results as Json[]));
      next = typeof json["next"] === "string" ? json["next"] : undefined;
    }
    return items;
  }

  const credential = (j: Json): ControllerCredential => ({
    id: Number(j["id"]),
    name: String(j["name"]),
    organization: typeof j["organization"] === "number" ? j["organization"] : null,
  });

  return {
    root: apiRoot,
    signIn: async () => {
      await call("tell who is signed in", "GET", "me/");
    },
    galaxyCredentialType: async () => {
      const [type] = await all("list credential types", "credential_types/?namespace=galaxy_api_token");
      if (type === undefined) {
        throw new HubSetupError(
          "HUB_NOT_FOUND",
          `the controller at ${host} has no "Ansible Galaxy/Automation Hub API Token" credential type`,
        );
      }
      return Number(type["id"]);
    },
    findOrganization: async (name) => {
      const [org] = await all("list organizations", `organizations/?name=${encodeURIComponent(name)}`);
      if (org === undefined) {
        throw new HubSetupError("HUB_NOT_FOUND", `the controller at ${host} has no organization "${name}"`, {
          hint: "give --organization the name the controller shows under Access › Organizations",
        });
      }
      return { id: Number(org["id"]), name: String(org["name"]) };
    },
    findCredentials: async (name, credentialType, organization) => {
      const org = organization === undefined ? "" : `&organization=${organization}`;
      const found = await all(
        "list credentials",
        `credentials/?name=${encodeURIComponent(name)}&credential_type=${credentialType}${org}`,
      );
      return found.map(credential);
    },
    getCredential: async (id) => credential(await call(`read credential ${id}`, "GET", `credentials/${id}/`)),
    createCredential: async (c) =>
      credential(
        await call("create credentials", "POST", "credentials/", {
          name: c.name,
          description: c.description,
          organization: c.organization,
          credential_type: c.credentialType,
          inputs: c.inputs,
        }),
      ),
    // `inputs` is one field: a PATCH replaces it whole, so every input is sent (a secret left out is
    // gone; `$encrypted$` would keep it, but we always have the new token).
    updateCredential: async (id, inputs: GalaxyInputs) => {
      await call(`change credential ${id}`, "PATCH", `credentials/${id}/`, { inputs });
    },
    galaxyCredentials: async (organization) =>
      (
        await all(
          "list the organization's Galaxy credentials",
          `organizations/${organization}/galaxy_credentials/?page_size=200`,
        )
      ).map((j) => Number(j["id"])),
    associate: async (organization, id) => {
      await call(
        "change the organization's Galaxy credentials",
        "POST",
        `organizations/${organization}/galaxy_credentials/`,
        { id },
      );
    },
    disassociate: async (organization, id) => {
      await call(
        "change the organization's Galaxy credentials",
        "POST",
        `organizations/${organization}/galaxy_credentials/`,
        {
          id,
          disassociate: true,
        },
      );
    },
  };
}

/** The client over undici: CONTROLLER_VERIFY_SSL=false skips certificate checks, as the tools do. */
export async function openController(
  env: Env,
  target: ControllerTarget,
): Promise<ControllerApi & { close: () => Promise<void> }> {
  const { createHttp } = await import("@hub-setup/core/node");
  const http = createHttp({ env: { ...env }, validateCerts: target.verifySsl });
  return { ...controllerApi(http, target), close: () => http.close() };
}
