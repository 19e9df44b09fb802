import { EXIT } from "../exit-codes.js";

/** Why one server failed, in the terms of hub-setup's exit codes. */
export type FailureClass = "auth" | "network" | "config" | "error";

const EXIT_OF: Record<FailureClass, number> = {
  auth: EXIT.AUTH,
  network: EXIT.NETWORK,
  config: EXIT.CONFIG,
  error: EXIT.ERROR,
};

/** When every server failed, but for different reasons: the one a person must act on first. */
const PRIORITY: readonly FailureClass[] = ["config", "auth", "network", "error"];

/**
 * The failure class of a refresh or hub-check outcome (core's typed outcomes). A token the server
 * refused needs a person (3); a server we could not reach may work next time (4).
 */
export function classOfOutcome(outcome: string): FailureClass {
  switch (outcome) {
    case "expired":
    case "wrong-client":
    case "rejected":
    case "unauthorized":
    case "forbidden":
    case "wrong-token-kind":
    case "invalid-token":
    case "no-token":
      return "auth";
    case "unavailable":
    case "network":
    case "timeout":
      return "network";
    case "config":
      return "config";
    default:
      return "error";
  }
}

/**
 * One exit code for many servers: 0 when none failed; 6 (partial) when some succeeded and some failed;
 * when all that were tried failed, the class they share, or the most actionable one (config, then a
 * refused token, then the network, then anything else).
 */
export function exitCodeForResults(results: ReadonlyArray<{ failure: FailureClass | undefined }>): number {
  const failures = results.flatMap((r) => (r.failure === undefined ? [] : [r.failure]));
  if (failures.length === 0) return EXIT.OK;
  if (failures.length < results.length) return EXIT.PARTIAL;
  const first = PRIORITY.find((c) => failures.includes(c)) ?? "error";
  return EXIT_OF[first];
}
