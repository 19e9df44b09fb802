export { serverIdProblem, suggestServerId, galaxyServerEnvVar, type ServerIdProblem } from "./server-id.js";
