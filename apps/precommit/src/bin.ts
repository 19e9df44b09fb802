import pkg from "../package.json" with { type: "json" };
import { main } from "./main.js";

// The only module that touches `process`.
process.exitCode = await main(process.argv.slice(2), {
  io: {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  },
  version: pkg.version,
  self: process.argv[1] === undefined ? [] : [process.execPath, process.argv[1]],
});
