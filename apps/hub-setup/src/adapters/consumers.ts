import type { Env } from "../ports.js";
import type { FollowDeps } from "../consumers/follow.js";
import { openController } from "./controller.js";
import { openConsumerState } from "./store.js";

/** The real ports of consumers/follow.ts: the state file and the controller client. */
export function followPorts(env: Env, now: () => Date): FollowDeps {
  return {
    env,
    openState: () => openConsumerState(env),
    openController: (target) => openController(env, target),
    now,
  };
}
