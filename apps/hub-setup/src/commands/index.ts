import type { AppContext } from "../context.js";

type Loader = () => Promise<{ run: (argv: string[], ctx: AppContext) => Promise<number> }>;

/** Every subcommand, loaded only when it runs (start-up stays fast). `setup` is the default. */
export const COMMANDS: Record<string, Loader> = {
  setup: () => import("./setup.js"),
  status: () => import("./status.js"),
  refresh: () => import("./refresh.js"),
  exec: () => import("./exec.js"),
  env: () => import("./env.js"),
  schedule: () => import("./schedule.js"),
  sandbox: () => import("./sandbox.js"),
  demo: () => import("./demo.js"),
};

export function isCommandName(name: string | undefined): boolean {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}
