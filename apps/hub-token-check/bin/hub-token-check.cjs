#!/usr/bin/env node
// The installed command. The checker is one bundled CommonJS file, dist/hub-token-check.cjs (see
// build.mjs): CommonJS because Node starts it ~4 ms sooner than an ES module.
/* global require, console, process -- this file is CommonJS, run by node */
"use strict";
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS loads the bundle with require()
  require("../dist/hub-token-check.cjs");
} catch (error) {
  if (error?.code !== "MODULE_NOT_FOUND" || !String(error.message).includes("hub-token-check.cjs"))
    throw error;
  console.error("hub-token-check is not built yet: run `npm run build` at the repository root.");
  process.exitCode = 70;
}
