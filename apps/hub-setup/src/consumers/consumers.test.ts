import { HubSetupError } from "@hub-setup/core";
import { describe, expect, it } from "vitest";
import type { Consumer, ConsumerState, ControllerApi, ControllerCredential, GalaxyInputs } from "../ports.js";
import { controllerTarget, controllerUrl } from "./controller-target.js";
import { tokenReplaced } from "./follow.js";
import { galaxyInputs, pushCredential } from "./push-credential.js";

/** A controller in memory: one organisation (id 1), AWX's ordered list rules, and a call log. */
function fakeController(existing: ControllerCredential[] = [], list: number[] = []) {
  const calls: string[] = [];
  const credentials = [...existing];
  const inputs = new Map<number, GalaxyInputs>();
  const order = [...list];
  const api: ControllerApi = {
    root: async () => "https://aap.example.com/api/controller/v2/",
    signIn: async () => void calls.push("me"),
    galaxyCredentialType: async () => 18,
    findOrganization: async (name) => ({ id: 1, name }),
    findCredentials: async (name) => credentials.filter((c) => c.name === name),
    getCredential: async (id) => credentials.find((c) => c.id === id)!,
    createCredential: async (c) => {
      const made = { id: 100 + credentials.length, name: c.name, organization: c.organization };
      credentials.push(made);
      inputs.set(made.id, c.inputs);
      calls.push(`create ${c.name}`);
      return made;
    },
    updateCredential: async (id, given) => {
      inputs.set(id, given);
      calls.push(`patch ${id}`);
    },
    galaxyCredentials: async () => [...order],
    associate: async (_org, id) => {
      if (!order.includes(id)) order.push(id);
      calls.push(`+${id}`);
    },
    disassociate: async (_org, id) => {
      order.splice(order.indexOf(id), 1);
      calls.push(`-${id}`);
    },
  };
  return { api, calls, inputs, order };
}

const INPUTS = { url: "https://hub.example.com/api/galaxy/content/published/", token: "t".repeat(40) };
const request = { name: "Hub", organization: "Default", first: false, inputs: INPUTS, description: "d" };

describe("pushCredential", () => {
  it("creates in the organisation and appends to its list; an update sends every input and keeps the order", async () => {
    const c = fakeController([{ id: 5, name: "Other", organization: 1 }], [5]);
    const made = await pushCredential(c.api, request);
    expect(made).toMatchObject({ created: true, list: { organization: "Default", ids: [5, 101] } });
    const again = await pushCredential(c.api, { ...request, organization: undefined });
    expect(again).toMatchObject({ created: false, list: undefined });
    expect(c.inputs.get(101)).toEqual(INPUTS);
    expect(c.calls).toEqual(["me", "create Hub", "+101", "me", "patch 101"]);
    expect(c.order).toEqual([5, 101]);
  });

  it("--first takes the others off and puts them back behind it, as the awx collection reorders", async () => {
    const c = fakeController(
      [
        { id: 5, name: "A", organization: 1 },
        { id: 6, name: "Hub", organization: 1 },
        { id: 7, name: "B", organization: 1 },
      ],
      [5, 6, 7],
    );
    const r = await pushCredential(c.api, { ...request, first: true });
    expect(r.list?.ids).toEqual([6, 5, 7]);
  });

  it("needs an organisation to create, and one name to update", async () => {
    const none = pushCredential(fakeController().api, { ...request, organization: undefined });
    await expect(none).rejects.toMatchObject({ code: "USAGE" });
    await expect(none).rejects.toThrow(/give --organization/);
    const twice = fakeController([
      { id: 1, name: "Hub", organization: 1 },
      { id: 2, name: "Hub", organization: 2 },
    ]);
    const ambiguous = pushCredential(twice.api, { ...request, organization: undefined });
    await expect(ambiguous).rejects.toMatchObject({ code: "USAGE" });
    await expect(ambiguous).rejects.toThrow(/2 Galaxy credentials are named "Hub" \(ids 1, 2\)/);
  });

  it("sends auth_url only for a server that has one", () => {
    expect(galaxyInputs({ url: "u" }, "t")).toEqual({ url: "u", token: "t" });
    expect(galaxyInputs({ url: "u", authUrl: "a" }, "t")).toEqual({ url: "u", auth_url: "a", token: "t" });
  });
});

describe("controllerTarget", () => {
  it("takes the host and sign-in the controller tools take", () => {
    expect(
      controllerTarget({ CONTROLLER_HOST: "aap.example.com", CONTROLLER_OAUTH_TOKEN: "x" }, undefined),
    ).toEqual({
      url: "https://aap.example.com/",
      auth: { kind: "bearer", token: "x" },
      verifySsl: true,
    });
    expect(
      controllerTarget(
        { CONTROLLER_USERNAME: "u", CONTROLLER_PASSWORD: "p", CONTROLLER_VERIFY_SSL: "False" },
        "http://127.0.0.1:8/x?y",
      ),
    ).toEqual({
      url: "http://127.0.0.1:8/x/",
      auth: { kind: "basic", username: "u", password: "p" },
      verifySsl: false,
    });
    expect(controllerUrl("https://aap.example.com/gw")).toBe("https://aap.example.com/gw/");
  });

  it("says what is missing, as usage errors", () => {
    expect(() => controllerTarget({}, undefined)).toThrow(/Neither --controller-url nor CONTROLLER_HOST/);
    expect(() => controllerTarget({ CONTROLLER_HOST: "h", CONTROLLER_USERNAME: "u" }, undefined)).toThrow(
      /no controller sign-in/,
    );
  });
});

describe("tokenReplaced", () => {
  const consumer: Consumer = {
    kind: "controller",
    controllerUrl: "https://aap.example.com/",
    credentialId: 101,
    credentialName: "Hub",
    serverId: "pah",
    pushedAt: new Date("2026-01-01T00:00:00Z"),
  };
  function state(list: Consumer[]) {
    const remembered: Consumer[] = [];
    const port: ConsumerState = { list: async () => list, remember: async (c) => void remembered.push(c) };
    return { port, remembered };
  }

  it("updates every consumer of that server only, and records when", async () => {
    const c = fakeController([{ id: 101, name: "Hub", organization: 1 }]);
    const s = state([consumer, { ...consumer, credentialId: 9, serverId: "other" }]);
    const now = new Date("2026-03-01T00:00:00Z");
    const reports = await tokenReplaced({ id: "pah", url: INPUTS.url }, INPUTS.token, {
      env: { CONTROLLER_OAUTH_TOKEN: "x" },
      openState: async () => s.port,
      openController: async () => ({ ...c.api, close: async () => {} }),
      now: () => now,
    });
    expect(reports.map((r) => [r.ok, r.message])).toEqual([
      [true, 'updated credential "Hub" (id 101) on https://aap.example.com/'],
    ]);
    expect(c.inputs.get(101)).toEqual(INPUTS);
    expect(s.remembered).toEqual([{ ...consumer, pushedAt: now }]);
  });

  it("a credential deleted on the controller (404): the command that makes it again names --organization", async () => {
    const c = fakeController([{ id: 101, name: "Hub", organization: 1 }]);
    const s = state([consumer]);
    const reports = await tokenReplaced({ id: "pah", url: INPUTS.url }, INPUTS.token, {
      env: { CONTROLLER_OAUTH_TOKEN: "x" },
      openState: async () => s.port,
      openController: async () => ({
        ...c.api,
        updateCredential: () =>
          Promise.reject(new HubSetupError("HUB_NOT_FOUND", "the controller has no credential 101")),
        close: async () => {},
      }),
      now: () => new Date(),
    });
    expect(reports.map((r) => r.ok)).toEqual([false]);
    expect(reports[0]?.message).toContain(
      '"Hub" (id 101) on https://aap.example.com/ was not updated: the controller has no credential 101',
    );
    expect(reports[0]?.message).toContain(
      'hub-setup controller push --credential "Hub" --server pah --controller-url https://aap.example.com/ --organization <organization>',
    );
    expect(s.remembered).toEqual([]);
  });

  it("without a controller sign-in it reports the consumer it could not update, and how to", async () => {
    const s = state([consumer]);
    const reports = await tokenReplaced({ id: "pah", url: INPUTS.url }, INPUTS.token, {
      env: {},
      openState: async () => s.port,
      openController: () => Promise.reject(new Error("not reached")),
      now: () => new Date(),
    });
    expect(reports).toHaveLength(1);
    expect(reports[0]?.ok).toBe(false);
    expect(reports[0]?.message).toContain(
      "still holds the old token: no controller sign-in in the environment",
    );
    expect(reports[0]?.message).toContain('hub-setup controller push --credential "Hub" --server pah');
    expect(reports[0]?.message).not.toContain(INPUTS.token);
    expect(s.remembered).toEqual([]);
  });
});
