// Benchmark helpers. Machines here are noisy, so every figure is a ratio against a baseline that runs
// in the same process, interleaved with the subject, and we report medians.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Commands run with a minimal environment unless a bench passes its own: variables such as
// NODE_EXTRA_CA_CERTS (set on some machines here; Node then loads a CA bundle at every start, ~35 ms)
// would otherwise pad baseline and subject alike and flatter every ratio.
export const cleanEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8" };

function timeCommand([cmd, ...args], options) {
  const start = performance.now();
  const run = spawnSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env: cleanEnv, ...options });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Runs baseline and subject alternately `runs` times (after a warm-up) and prints the median ratio. */
export function compareCommands({ name, baseline, subject, runs = 30, aim, options }) {
  timeCommand(baseline, options);
  timeCommand(subject, options);
  const base = [];
  const subj = [];
  for (let i = 0; i < runs; i++) {
    base.push(timeCommand(baseline, options));
    subj.push(timeCommand(subject, options));
  }
  return report({ name, baselineMs: median(base), subjectMs: median(subj), aim, runs });
}

/** Interleaves two async functions `runs` times and prints the median ratio of their durations. */
export async function compareFunctions({ name, baseline, subject, runs = 30, aim }) {
  await baseline();
  await subject();
  const base = [];
  const subj = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await baseline();
    base.push(performance.now() - t);
    t = performance.now();
    await subject();
    subj.push(performance.now() - t);
  }
  return report({ name, baselineMs: median(base), subjectMs: median(subj), aim, runs });
}

export function report({ name, baselineMs, subjectMs, aim, runs }) {
  const ratio = subjectMs / baselineMs;
  const verdict = aim === undefined ? "" : ratio <= aim ? `  (aim ≤ ${aim}: ok)` : `  (aim ≤ ${aim}: MISSED)`;
  console.log(
    `${name}: ratio ${ratio.toFixed(2)}  [subject ${subjectMs.toFixed(1)} ms, baseline ${baselineMs.toFixed(1)} ms, median of ${runs}]${verdict}`,
  );
  return { name, ratio, subjectMs, baselineMs, aim };
}
