// The entry of the second bundle, dist/hub-token-check-fix.mjs, which bin.ts loads only for --fix.
export { fixFindings } from "./fix-command.js";
export type { FixContext } from "./fix-command.js";
