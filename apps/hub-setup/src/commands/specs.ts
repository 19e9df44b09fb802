/**
 * Every command's spec (flags, usage), each declared in its own commands/<name>/spec.ts and listed here
 * once. The registry reads them from here, and so does every command for its own spec (never from
 * ./spec.js): each command then reaches all of them alike, so the bundle keeps them in one chunk that
 * `--help` loads with the entry, rather than one chunk per command (one more file for Node to resolve,
 * read and link at each start; test/help-path.test.ts counts them).
 */
export { CI } from "./ci/spec.js";
export { CONTROLLER } from "./controller/spec.js";
export { DEMO } from "./demo/spec.js";
export { EE, EE_BUILD, EE_PREPARE, EE_SECRET } from "./ee/spec.js";
export { ENV } from "./env/spec.js";
export { EXEC } from "./exec/spec.js";
export { LOGIN } from "./login/spec.js";
export { LOGOUT } from "./logout/spec.js";
export { REFRESH } from "./refresh/spec.js";
export { SANDBOX } from "./sandbox/spec.js";
export { SCHEDULE } from "./schedule/spec.js";
export { SETUP } from "./setup/spec.js";
export { SHELL_INIT } from "./shell-init/spec.js";
export { STATUS } from "./status/spec.js";
