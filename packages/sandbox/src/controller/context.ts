import type { ControllerData } from "./model.js";
import type { UpdateRunner } from "./project-update.js";

/** What every controller request works on: the records, persistence, the clock and the runner. */
export type ControllerContext = {
  data: ControllerData;
  save(): void;
  now(): Date;
  runner: UpdateRunner;
  /** The API roots served, e.g. `["/api/v2/", "/api/controller/v2/"]`. */
  roots: readonly string[];
};
