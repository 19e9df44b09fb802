import { credentialType, secretFields, type CredentialTypeDef } from "./credential-types.js";
import type { ControllerData, CredentialRecord } from "./model.js";
import { ApiError, badRequest } from "./respond.js";
import { ENCRYPTED } from "./serialize.js";

/**
 * Creating and changing credentials with AWX's rules and DRF's error shapes:
 * - fields: `{"name": ["This field is required."]}`, `{"credential_type": ["Invalid pk \"9\" - object
 *   does not exist."]}` (DRF's PrimaryKeyRelatedField; a digit string is accepted as a pk);
 * - an owner is required on create (awx/api/serializers.py CredentialSerializerCreate.validate):
 *   `{"detail": "Missing 'user', 'team', or 'organization'."}`;
 * - inputs (awx/main/fields.py CredentialInputField.validate): unknown keys fail the JSON schema as a
 *   whole (`{"inputs": ["Additional properties are not allowed ('x' was unexpected)"]}`), a wrong type
 *   fails its field, and a missing or empty required input is `required for <type name>`;
 * - PATCH/PUT replace `inputs` as a whole; a secret sent back as `$encrypted$` keeps the stored value
 *   (Credential.save in awx/main/models/credential/__init__.py), a secret left out is gone;
 * - a managed credential cannot be changed: 403 "Modifications not allowed for managed credentials";
 * - an empty secret input is not kept (Credential.encrypt_field deletes it);
 * - (organization, name, credential_type) is unique (the model's unique_together).
 */
type Body = Record<string, unknown>;

export function createCredential(data: ControllerData, body: unknown, now: string): CredentialRecord {
  const b = asObject(body);
  const errors: Record<string, string[]> = {};
  const name = stringField(b, "name", errors, true);
  const description = b["description"] === undefined ? "" : stringField(b, "description", errors, false);
  const typeId = pkField(b, "credential_type", errors, true, (id) => credentialType(id) !== undefined);
  const org = pkField(b, "organization", errors, false, (id) => data.organizations.some((o) => o.id === id));
  const user = pkField(b, "user", errors, false, (id) => data.users.some((u) => u.id === id));
  if (b["team"] != null) errors["team"] = [invalidPk(b["team"])];
  if (Object.keys(errors).length > 0) throw badRequest(errors);
  const owners = [org, user].filter((x) => x != null);
  if (owners.length === 0) throw badRequest({ detail: "Missing 'user', 'team', or 'organization'." });
  if (owners.length > 1) {
    throw badRequest({
      detail:
        "Only one of 'user', 'team', or 'organization' should be provided, received organization, user fields.",
    });
  }
  const type = credentialType(typeId ?? 0) as CredentialTypeDef;
  const inputs = validateInputs(type, b["inputs"] ?? {});
  const record: CredentialRecord = {
    id: data.nextId.credential,
    name: name ?? "",
    description: description ?? "",
    credentialType: type.id,
    organization: org ?? null,
    managed: false,
    inputs,
    created: now,
    modified: now,
  };
  checkUnique(data, record);
  data.nextId.credential += 1;
  data.credentials.push(record);
  return record;
}

/** PATCH (`partial`) or PUT: only the fields given change, and `inputs` is replaced as a whole. */
export function updateCredential(
  data: ControllerData,
  current: CredentialRecord,
  body: unknown,
  partial: boolean,
  now: string,
): CredentialRecord {
  if (current.managed)
    throw new ApiError(403, { detail: "Modifications not allowed for managed credentials" });
  const b = asObject(body);
  const errors: Record<string, string[]> = {};
  const has = (k: string) => b[k] !== undefined || !partial;
  const name = has("name") ? stringField(b, "name", errors, true) : current.name;
  const description =
    b["description"] === undefined ? current.description : stringField(b, "description", errors, false);
  const typeId = has("credential_type")
    ? pkField(b, "credential_type", errors, true, (id) => credentialType(id) !== undefined)
    : current.credentialType;
  const org =
    b["organization"] === undefined
      ? current.organization
      : pkField(b, "organization", errors, false, (id) => data.organizations.some((o) => o.id === id));
  if (Object.keys(errors).length > 0) throw badRequest(errors);
  const type = credentialType(typeId ?? 0) as CredentialTypeDef;
  let inputs: Body = current.inputs;
  if (b["inputs"] !== undefined) inputs = keepEncrypted(type, asInputs(b["inputs"]), current.inputs);
  const next: CredentialRecord = {
    ...current,
    name: name ?? current.name,
    description: description ?? current.description,
    credentialType: type.id,
    organization: org ?? null,
    inputs: validateInputs(type, inputs),
    modified: now,
  };
  checkUnique(data, next);
  Object.assign(current, next);
  return current;
}

function keepEncrypted(type: CredentialTypeDef, given: Body, stored: Record<string, string>): Body {
  const out: Body = { ...given };
  for (const field of secretFields(type)) {
    if (out[field] !== ENCRYPTED) continue;
    const old = stored[field];
    // AWX reads the stored value here; with none stored it fails (a 500). The sandbox drops it.
    if (old === undefined) delete out[field];
    else out[field] = old;
  }
  return out;
}

function validateInputs(type: CredentialTypeDef, raw: unknown): Record<string, string> {
  const inputs = asInputs(raw);
  const known = type.inputs.fields.map((f) => f.id);
  const unknown = Object.keys(inputs).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    const list = unknown.map((k) => `'${k}'`).join(", ");
    const verb = unknown.length === 1 ? "was" : "were";
    throw badRequest({ inputs: [`Additional properties are not allowed (${list} ${verb} unexpected)`] });
  }
  const errors: Record<string, string[]> = {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (typeof value === "string") out[key] = value;
    else errors[key] = [`${pyRepr(value)} is not of type 'string'`];
  }
  for (const field of type.inputs.required) {
    if (!out[field]) errors[field] = [`required for ${type.name}`];
  }
  if (Object.keys(errors).length > 0) throw badRequest({ inputs: errors });
  // Credential.encrypt_field deletes a secret input whose value is empty.
  for (const field of secretFields(type)) if (out[field] === "") delete out[field];
  return out;
}

function checkUnique(data: ControllerData, c: CredentialRecord): void {
  const clash = data.credentials.some(
    (o) =>
      o.id !== c.id &&
      o.organization === c.organization &&
      o.name === c.name &&
      o.credentialType === c.credentialType,
  );
  if (clash) {
    throw badRequest({
      __all__: ["Credential with this Organization, Name and Credential type already exists."],
    });
  }
}

function asObject(body: unknown): Body {
  if (typeof body === "object" && body != null && !Array.isArray(body)) return body as Body;
  throw badRequest({
    non_field_errors: [`Invalid data. Expected a dictionary, but got ${pyTypeName(body)}.`],
  });
}

function asInputs(raw: unknown): Body {
  if (typeof raw === "object" && raw != null && !Array.isArray(raw)) return raw as Body;
  // jsonschema echoes the value; a string here could be a token, so the sandbox does not.
  const shown = typeof raw === "string" ? "'…'" : pyRepr(raw);
  throw badRequest({ inputs: [`${shown} is not of type 'object'`] });
}

function stringField(
  b: Body,
  key: string,
  errors: Record<string, string[]>,
  required: boolean,
): string | undefined {
  const v = b[key];
  if (v === undefined) {
    if (required) errors[key] = ["This field is required."];
    return undefined;
  }
  if (v == null) {
    errors[key] = ["This field may not be null."];
    return undefined;
  }
  if (typeof v !== "string" && typeof v !== "number") {
    errors[key] = ["Not a valid string."];
    return undefined;
  }
  const s = String(v);
  if (required && s.trim() === "") errors[key] = ["This field may not be blank."];
  else if (s.length > 512) errors[key] = ["Ensure this field has no more than 512 characters."];
  return s;
}

function pkField(
  b: Body,
  key: string,
  errors: Record<string, string[]>,
  required: boolean,
  exists: (id: number) => boolean,
): number | null | undefined {
  const v = b[key];
  if (v === undefined) {
    if (required) errors[key] = ["This field is required."];
    return undefined;
  }
  if (v == null) {
    if (required) errors[key] = ["This field may not be null."];
    return null;
  }
  const id =
    typeof v === "number" && Number.isInteger(v)
      ? v
      : typeof v === "string" && /^\d+$/.test(v)
        ? Number(v)
        : NaN;
  if (Number.isNaN(id)) {
    if (typeof v === "string") errors[key] = [invalidPk(v)];
    else errors[key] = [`Incorrect type. Expected pk value, received ${pyTypeName(v)}.`];
    return undefined;
  }
  if (!exists(id)) {
    errors[key] = [invalidPk(id)];
    return undefined;
  }
  return id;
}

function invalidPk(v: unknown): string {
  return `Invalid pk "${String(v)}" - object does not exist.`;
}

function pyTypeName(v: unknown): string {
  if (v == null) return "NoneType";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "float";
  if (Array.isArray(v)) return "list";
  return typeof v === "object" ? "dict" : "str";
}

function pyRepr(v: unknown): string {
  if (v == null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "string") return `'${v}'`;
  return JSON.stringify(v);
}
