export { serverIdProblem, suggestServerId, galaxyServerEnvVar, type ServerIdProblem } from "./server-id.js";
export { upsertGalaxyServer, removeGalaxyServer, setServerList } from "./edit.js";
export { readGalaxyServers } from "./read.js";
export { unquote, ansibleBoolean, ansibleList } from "./ansible-values.js";
export type {
  GalaxyServerInput,
  GalaxyServersView,
  ResolvedGalaxyServer,
  Sourced,
  ValueSource,
  GalaxyAuth,
} from "./types.js";
