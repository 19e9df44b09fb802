import { HubSetupError } from "@hub-setup/core";
import type { ControllerApi, ControllerCredential, GalaxyInputs } from "../ports.js";

/** A galaxy server as a controller credential holds it: url, auth_url (Red Hat SSO only) and token. */
export function galaxyInputs(
  server: { url: string; authUrl?: string | undefined },
  token: string,
): GalaxyInputs {
  return server.authUrl === undefined || server.authUrl === ""
    ? { url: server.url, token }
    : { url: server.url, auth_url: server.authUrl, token };
}

export type PushRequest = {
  name: string;
  /** Where to create it (and whose Galaxy credentials list it joins); needed only to create. */
  organization: string | undefined;
  /** Put it first in the organisation's list rather than last. */
  first: boolean;
  inputs: GalaxyInputs;
  description: string;
};

export type PushResult = {
  credential: ControllerCredential;
  created: boolean;
  /** The organisation's Galaxy credentials after the push, when one was named or the credential made. */
  list: { organization: string; ids: number[] } | undefined;
};

/** The credential to update: the one of that name (in that organisation), or none. */
async function findOne(
  api: ControllerApi,
  name: string,
  type: number,
  org: { id: number; name: string } | undefined,
): Promise<ControllerCredential | undefined> {
  const found = await api.findCredentials(name, type, org?.id);
  if (found.length > 1) {
    throw new HubSetupError(
      "USAGE",
      `${found.length} Galaxy credentials are named "${name}" (ids ${found.map((c) => c.id).join(", ")}): give --organization to pick one`,
    );
  }
  return found[0];
}

/**
 * Makes `id` a member of the organisation's ordered list: appended last (AWX's associate), or first,
 * which AWX can only do by taking the others off and putting them back after it, as the awx collection
 * does when an order differs. A member already in place is left where it is.
 */
async function placeInList(api: ControllerApi, org: number, id: number, first: boolean): Promise<number[]> {
  const ids = await api.galaxyCredentials(org);
  if (!first) {
    if (!ids.includes(id)) await api.associate(org, id);
  } else if (ids[0] !== id) {
    const others = ids.filter((other) => other !== id);
    for (const other of others) await api.disassociate(org, other);
    if (ids.includes(id)) await api.disassociate(org, id);
    for (const next of [id, ...others]) await api.associate(org, next);
  }
  return api.galaxyCredentials(org);
}

/** Updates the named Galaxy credential with every input, or creates it in the organisation. */
export async function pushCredential(api: ControllerApi, req: PushRequest): Promise<PushResult> {
  await api.signIn();
  const type = await api.galaxyCredentialType();
  const org = req.organization === undefined ? undefined : await api.findOrganization(req.organization);
  const existing = await findOne(api, req.name, type, org);
  let credential: ControllerCredential;
  if (existing !== undefined) {
    await api.updateCredential(existing.id, req.inputs);
    credential = existing;
  } else {
    if (org === undefined) {
      throw new HubSetupError(
        "USAGE",
        `the controller has no Galaxy credential named "${req.name}": give --organization to create it there`,
      );
    }
    credential = await api.createCredential({
      name: req.name,
      description: req.description,
      organization: org.id,
      credentialType: type,
      inputs: req.inputs,
    });
  }
  const list =
    org === undefined
      ? undefined
      : { organization: org.name, ids: await placeInList(api, org.id, credential.id, req.first) };
  return { credential, created: existing === undefined, list };
}
