export { creator, messages, RULE_ID } from "./rule.js";
export type { RuleCreator } from "./secretlint-types.js";
