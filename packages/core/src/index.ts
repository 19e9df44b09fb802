// @hub-setup/core: the pure API. No file system, no network, no process, no timers: those live in "./node"
// (tsconfig.pure.json compiles this side without any Node types, so the compiler keeps it that way).
export * from "./errors.js";
export * from "./token/index.js";
export * from "./galaxy/index.js";
export * from "./cfg/index.js";
export * from "./http/index.js";
export * from "./sso/index.js";
export * from "./hub/index.js";
export * from "./ee/index.js";
export * from "./secrets/index.js";
