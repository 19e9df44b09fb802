// The hub: turning a pasted address into its API URL, and checking live that a token opens it.
export { hubUrlProblem, normalizeHubUrl, type NormalizedHubUrl } from "./hub-url.js";
export type { HubKind, HubServer, VerifyOutcome, VerifyResult } from "./types.js";
export { verifyHub, type VerifyOptions } from "./verify.js";
export { tokenKindProblem } from "./verify-messages.js";
export { sampleCollection, type SampleCollectionOptions } from "./collections.js";
export { hubTokenEndpoint, mintHubToken, type MintHubTokenOptions } from "./mint-token.js";
