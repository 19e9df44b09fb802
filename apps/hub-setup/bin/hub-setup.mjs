#!/usr/bin/env node
// The installed command. All of hub-setup is one bundled file, dist/hub-setup.mjs (see build.mjs).
import("../dist/hub-setup.mjs").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("hub-setup.mjs")) {
    console.error("hub-setup is not built yet: run `npm run build` at the repository root.");
    process.exitCode = 70;
    return;
  }
  throw error;
});
