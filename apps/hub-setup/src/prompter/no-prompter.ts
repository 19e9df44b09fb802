import { HubSetupError } from "@hub-setup/core";
import type { Prompter } from "./prompter.js";

/** The Prompter for --no-interactive: the steps never ask then, and if one did, that is a bug to report. */
export const noPrompter: Prompter = new Proxy({} as Prompter, {
  get: (_target, method) => (question: { message?: string }) =>
    Promise.reject(
      new HubSetupError(
        "INTERNAL",
        `hub-setup asked "${question.message ?? String(method)}" without a terminal`,
      ),
    ),
});
