// The pure core's compiler gate (tsconfig.pure.json, run by `npm run typecheck`) must really refuse Node:
// a probe module under its settings compiles the WHATWG globals we allow and fails on each Node API.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it, onTestFinished } from "vitest";

const core = fileURLToPath(new URL("../..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const PROBE = [
  'import { createHash } from "node:crypto";', // line 1
  "export const a = Buffer.from('x');", // line 2
  "export const b = process.env;", // line 3
  "export const c = setTimeout(() => {}, 1);", // line 4
  "export const d = createHash;", // line 5
  "export const ok = [new URL('https://x.example/'), new TextDecoder(), new AbortController().signal];",
].join("\n");

it("tsconfig.pure.json refuses node:*, Buffer, process and timers, and allows URL, TextDecoder, AbortController", () => {
  const dir = mkdtempSync(join(core, ".pure-probe-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "probe.ts"), PROBE);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: "../tsconfig.pure.json",
      include: ["probe.ts", "../types/web.d.ts"],
      exclude: [],
    }),
  );
  let out = "";
  try {
    execFileSync(process.execPath, [tsc, "-p", dir, "--noEmit", "--pretty", "false"], { encoding: "utf8" });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout);
  }
  const errorLines = [...out.matchAll(/probe\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
  expect(out).toMatch(/Cannot find module 'node:crypto'/);
  expect(out).toMatch(/Cannot find name 'Buffer'/);
  expect(out).toMatch(/Cannot find name 'process'/);
  expect(out).toMatch(/Cannot find name 'setTimeout'/);
  expect([...new Set(errorLines)].sort()).toEqual([1, 2, 3, 4]);
}, 120_000);
