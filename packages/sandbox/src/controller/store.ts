import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { readJsonFile, writeJsonFile, type JsonFileKind } from "../json-file.js";
import type { ControllerData } from "./model.js";

/** Beside `sandbox-state.json` in the sandbox's state dir, so a restart keeps the controller too. */
export const CONTROLLER_STATE_FILE = "controller-state.json";

export const CONTROLLER_ADMIN = "admin";
export const CONTROLLER_AUDITOR = "auditor";

export type ControllerStore = { data: ControllerData; save(): void };

export function openControllerStore(dir: string, now: () => Date): ControllerStore {
  const file = join(dir, CONTROLLER_STATE_FILE);
  const data = readJsonFile(file, CONTROLLER_DATA) ?? freshData(now().toISOString());
  const store = { data, save: () => writeJsonFile(file, data) };
  store.save();
  return store;
}

/** AWX personal access tokens are 30 random letters and digits. */
export function newOauthToken(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return [...randomBytes(30)].map((b) => alphabet[b % alphabet.length] ?? "a").join("");
}

function freshData(created: string): ControllerData {
  const password = () => randomBytes(8).toString("hex");
  return {
    version: 1,
    users: [
      { id: 1, username: CONTROLLER_ADMIN, password: password(), token: newOauthToken(), role: "admin" },
      { id: 2, username: CONTROLLER_AUDITOR, password: password(), token: newOauthToken(), role: "auditor" },
    ],
    // AWX's migrations create this managed credential (galaxy.ansible.com). The sandbox has it but
    // does not put it in the organisation's list, so project updates never leave 127.0.0.1.
    credentials: [
      {
        id: 1,
        name: "Ansible Galaxy",
        description: "",
        credentialType: 18,
        organization: null,
        managed: true,
        inputs: { url: "https://galaxy.ansible.com/" },
        created,
        modified: created,
      },
    ],
    organizations: [{ id: 1, name: "Default", description: "", galaxyCredentials: [] }],
    projects: [{ id: 1, name: "Sandbox project", organization: 1, requirements: DEFAULT_REQUIREMENTS }],
    projectUpdates: [],
    nextId: { credential: 2, projectUpdate: 1 },
  };
}

/** The project's collections/requirements.yml: a collection the sandbox serves, with a dependency. */
export const DEFAULT_REQUIREMENTS = "---\ncollections:\n  - name: sandbox.app\n";

const CONTROLLER_DATA: JsonFileKind<ControllerData> = {
  what: "controller state",
  valid: (value): value is ControllerData => {
    const data = value as Partial<ControllerData> | null;
    return data?.version === 1 && Array.isArray(data.users) && Array.isArray(data.credentials);
  },
  freshHint: "Delete it to start with a fresh sandbox controller, or choose another --state-dir.",
};
