import { GALAXY_NAMESPACE, credentialType } from "./credential-types.js";
import type { ControllerData, OrganizationRecord } from "./model.js";
import { badRequest } from "./respond.js";

/**
 * `POST /organizations/<id>/galaxy_credentials/`, AWX's SubListAttachDetachAPIView
 * (awx/api/generics.py) with OrganizationGalaxyCredentialsList.is_valid_relation
 * (awx/api/views/organization.py):
 * - `{"id": N}` appends N to the ordered list (already there: unchanged), 204 No Content;
 * - `{"id": N, "disassociate": …}` removes it (the key's presence is what counts), 204;
 * - no id: 400 `{"msg": "Credential 'id' field is missing."}`; a non-integer id:
 *   400 `{"msg": "\"id\" field must be an integer."}`; an unknown id: 400
 *   `{"detail": "Credential matching query does not exist."}` (get_object_or_400);
 * - not a Galaxy credential: 400 `{"msg": "Credential must be a Galaxy credential, not <type name>."}`.
 * The list is an OrderedManyToManyField: it reads back in association order.
 */
export function changeGalaxyCredentials(data: ControllerData, org: OrganizationRecord, body: unknown): void {
  const b =
    typeof body === "object" && body != null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const id = b["id"];
  if (id == null || id === 0 || id === "" || id === false) {
    throw badRequest({ msg: "Credential 'id' field is missing." });
  }
  if (typeof id !== "number" || !Number.isInteger(id))
    throw badRequest({ msg: '"id" field must be an integer.' });
  const credential = data.credentials.find((c) => c.id === id);
  if (credential === undefined) throw badRequest({ detail: "Credential matching query does not exist." });
  if ("disassociate" in b) {
    org.galaxyCredentials = org.galaxyCredentials.filter((c) => c !== id);
    return;
  }
  const type = credentialType(credential.credentialType);
  if (type?.namespace !== GALAXY_NAMESPACE) {
    throw badRequest({ msg: `Credential must be a Galaxy credential, not ${type?.name ?? "unknown"}.` });
  }
  if (!org.galaxyCredentials.includes(id)) org.galaxyCredentials.push(id);
}
