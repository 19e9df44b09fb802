#!/usr/bin/env node
// The installed command. All of hub-token-check is one bundled file, dist/hub-token-check.mjs (see build.mjs).
import("../dist/hub-token-check.mjs").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("hub-token-check.mjs")) {
    console.error("hub-token-check is not built yet: run `npm run build` at the repository root.");
    process.exitCode = 70;
    return;
  }
  throw error;
});
