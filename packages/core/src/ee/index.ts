// Execution-environment builds: recognise an ansible-builder context and feed its galaxy install steps
// from a build secret. Pure: strings in, strings out.
export {
  analyzeContainerfile,
  type BuilderFamily,
  type ContainerfileAnalysis,
  type GalaxyInstallStep,
  type RecognisedContainerfile,
} from "./analyze.js";
export { EeContextError, type EeContextProblem } from "./errors.js";
export {
  rewriteForBuildSecret,
  DEFAULT_BUILD_SECRET_ID,
  DOCKERFILE_SYNTAX,
  type BuildSecretRewriteOptions,
} from "./rewrite.js";
export { renderSecretEnvFile, shellSingleQuote, type BuildSecretServer } from "./secret-env.js";
export { contextTokenRisks, type ContextFile, type ContextFileRole, type ContextTokenRisk } from "./risks.js";
export { secretMountFlag, secretCommandPrefix, isValidSecretId } from "./run-step.js";
export { secretNeedles } from "./needles.js";
