// @hub-setup/core/node: the I/O edge. Config discovery and atomic writes (files/), the undici HTTP
// adapter (net/), the secret store and state (store/).
export * from "./files/index.js";
export * from "./net/index.js";
export * from "./store/index.js";
