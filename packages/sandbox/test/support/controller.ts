import type { Sandbox } from "../../src/index.js";
import { basic, send, type Reply } from "./http.js";

/** A small REST client for the sandbox controller, as a test would drive AWX with curl. */
export type ControllerClient = {
  root: string;
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown): Promise<Reply>;
  patch(path: string, body: unknown): Promise<Reply>;
  put(path: string, body: unknown): Promise<Reply>;
  del(path: string): Promise<Reply>;
};

/**
 * `root` is `/api/v2/` or `/api/controller/v2/`; `authorization` defaults to the admin's Bearer token
 * (null: no Authorization header).
 * Paths are relative to the root (`credentials/`), or absolute (`/api/v2/…`, as `next` links are).
 */
export function controllerClient(
  sandbox: Sandbox,
  root = "/api/v2/",
  authorization: string | null = `Bearer ${sandbox.controller.oauthToken}`,
): ControllerClient {
  const url = (path: string) =>
    new URL(path.startsWith("/") ? path : `${root}${path}`, sandbox.urls.base).href;
  const headers = (json: boolean): Record<string, string> => ({
    ...(authorization == null ? {} : { authorization }),
    ...(json ? { "content-type": "application/json" } : {}),
  });
  const write = (method: string) => (path: string, body?: unknown) =>
    send(url(path), {
      method,
      headers: headers(true),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    root,
    get: (path) => send(url(path), { headers: headers(false) }),
    post: write("POST"),
    patch: write("PATCH"),
    put: write("PUT"),
    del: (path) => send(url(path), { method: "DELETE", headers: headers(false) }),
  };
}

export function adminBasic(sandbox: Sandbox): string {
  return basic(sandbox.controller.user.username, sandbox.controller.user.password);
}

/** The Galaxy credential type's id, looked up the way a client must (ids differ per installation). */
export async function galaxyTypeId(client: ControllerClient): Promise<number> {
  const res = await client.get("credential_types/?namespace=galaxy_api_token");
  const body = res.json() as { results: { id: number }[] };
  const id = body.results[0]?.id;
  if (id === undefined) throw new Error(`no galaxy_api_token credential type: ${res.text}`);
  return id;
}

export type GalaxyInputs = { url: string; auth_url?: string; token?: string };

/** Creates a Galaxy credential in the sandbox organisation and returns its id. */
export async function createGalaxyCredential(
  sandbox: Sandbox,
  client: ControllerClient,
  name: string,
  inputs: GalaxyInputs,
): Promise<number> {
  const res = await client.post("credentials/", {
    name,
    organization: sandbox.controller.organization.id,
    credential_type: await galaxyTypeId(client),
    inputs,
  });
  if (res.status !== 201) throw new Error(`credential create answered ${res.status}: ${res.text}`);
  return (res.json() as { id: number }).id;
}

/** Starts a project update over the API and waits for it to finish (the sandbox knows when). */
export async function runProjectUpdate(sandbox: Sandbox, client: ControllerClient) {
  const res = await client.post(`projects/${sandbox.controller.project.id}/update/`);
  if (res.status !== 202) throw new Error(`project update answered ${res.status}: ${res.text}`);
  const id = (res.json() as { project_update: number }).project_update;
  await sandbox.controller.waitForProjectUpdate(id);
  const detail = await client.get(`project_updates/${id}/`);
  const stdout = await client.get(`project_updates/${id}/stdout/?format=txt`);
  return { id, start: res, detail, stdout };
}
