#!/usr/bin/env node
// The command used to be this ES module; it is now hub-token-check.cjs (package.json "bin"), which
// starts sooner. Kept so that paths that still name this file work: git hooks written by an older
// `hub-token-check install`, a node_modules/.bin link made before the rename.
import { runCommand } from "./hub-token-check.cjs";

runCommand();
