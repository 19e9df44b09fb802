import { HubSetupError } from "@hub-setup/core";
import type { AppContext } from "../context.js";

export async function run(_argv: string[], _ctx: AppContext): Promise<number> {
  throw new HubSetupError("INTERNAL", "`hub-setup setup` is not built yet");
}
