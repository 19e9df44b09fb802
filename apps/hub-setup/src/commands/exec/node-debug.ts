/**
 * Node's `NODE_DEBUG=child_process` log prints the options of every spawn, the child's environment
 * included: every token exec injects would land on stderr (and in CI logs). Node reads NODE_DEBUG once,
 * at start-up, so hub-setup cannot turn it off for itself; exec refuses instead.
 *
 * Only NODE_DEBUG prints a child's environment. NODE_OPTIONS' --trace-* flags print stacks, and a
 * --report-* diagnostic report holds hub-setup's own environment, never the child's (where the tokens
 * are), so neither is refused.
 */

/** Node's own matching (lib/internal/util/debuglog.js): comma-separated names, `*` wildcards, any case. */
export function nodeDebugEnables(nodeDebug: string | undefined, name: string): boolean {
  if (nodeDebug === undefined || nodeDebug === "") return false;
  const pattern = nodeDebug
    .replace(/[|\\{}()[\]^$+?.]/g, "\\$&")
    .replaceAll("*", ".*")
    .replaceAll(",", "$|^");
  return new RegExp(`^${pattern}$`, "i").test(name);
}

/** Why exec must not start a child with tokens in its environment here; undefined when it may. */
export function tokenLeakingDebug(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (!nodeDebugEnables(env["NODE_DEBUG"], "child_process")) return undefined;
  return `NODE_DEBUG=${env["NODE_DEBUG"] ?? ""} enables Node's child_process log, which prints the command's whole environment, tokens included, to stderr; the command was not started`;
}
