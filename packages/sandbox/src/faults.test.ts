import { expect, it } from "vitest";
import { createFaultSwitch, type Scope } from "./faults.js";

const sso: Scope = { area: "sso", download: false };
const cloud: Scope = { area: "cloud", download: false };
const privateDownload: Scope = { area: "private", download: true };

it("matches targets: hub is both hubs, download only artifacts, all everything", () => {
  const faults = createFaultSwitch();
  faults.set({ drop: { target: "hub" } });
  expect(faults.take("drop", sso)).toBeUndefined();
  expect(faults.take("drop", cloud)).toBeDefined();
  expect(faults.take("drop", privateDownload)).toBeDefined();
  faults.set({ drop: { target: "download" } });
  expect(faults.take("drop", cloud)).toBeUndefined();
  expect(faults.take("drop", privateDownload)).toBeDefined();
  faults.set({ drop: { target: "all" } });
  expect(faults.take("drop", { area: "other", download: false })).toBeDefined();
});

it("counts `times` down only on matching requests, then forgets the rule", () => {
  const faults = createFaultSwitch({ serverError: { target: "sso", times: 2 } });
  expect(faults.take("serverError", cloud)).toBeUndefined();
  expect(faults.take("serverError", sso)).toMatchObject({ times: 2 });
  expect(faults.take("serverError", sso)).toMatchObject({ times: 1 });
  expect(faults.take("serverError", sso)).toBeUndefined();
});

it("set() merges by kind and clear() removes every fault", () => {
  const faults = createFaultSwitch({ delay: { target: "all", ms: 5 } });
  faults.set({ downloadUnauthorized: {} });
  expect(faults.take("delay", sso)).toMatchObject({ ms: 5 });
  expect(faults.take("downloadUnauthorized", privateDownload)).toBeDefined();
  expect(faults.take("downloadUnauthorized", cloud)).toBeUndefined();
  faults.clear();
  expect(faults.take("delay", sso)).toBeUndefined();
});
