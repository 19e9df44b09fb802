import type { AppContext } from "../context.js";

type Loader = () => Promise<{ run: (argv: string[], ctx: AppContext) => Promise<number> }>;

/** Every subcommand, loaded only when it runs (start-up stays fast). `setup` is the default. */
export const COMMANDS: Record<string, Loader> = {
  setup: () => import("./setup/index.js"),
  status: () => import("./status/index.js"),
  refresh: () => import("./refresh/index.js"),
  exec: () => import("./exec/index.js"),
  env: () => import("./env/index.js"),
  schedule: () => import("./schedule/index.js"),
  sandbox: () => import("./sandbox/index.js"),
  demo: () => import("./demo/index.js"),
};

export function isCommandName(name: string | undefined): boolean {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}
