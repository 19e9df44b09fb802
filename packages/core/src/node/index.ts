// @hub-setup/core/node: the I/O edge. Config discovery and atomic writes (files/), the undici HTTP
// adapter (net/), the secret store and state (store/), the exported-image scanner of EE builds (oci/),
// and the real clock the pure core is given.
export * from "./files/index.js";
export * from "./net/index.js";
export * from "./store/index.js";
export * from "./oci/index.js";
export { nodeClock } from "./clock.js";
