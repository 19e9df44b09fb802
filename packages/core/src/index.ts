// @hub-setup/core: the pure API. No file system, no network, no process: those live in "./node".
export * from "./errors.js";
export * from "./token/index.js";
export * from "./galaxy/index.js";
export * from "./cfg/index.js";
export * from "./hub/index.js";
export * from "./ee/index.js";
