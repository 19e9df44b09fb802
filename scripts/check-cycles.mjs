// Fails when any module in packages/*/src or apps/*/src is part of an import cycle.
// Every relative import counts — static, type-only, re-exports and dynamic import() — because a
// cycle of types is still two modules that cannot be understood one without the other.
// Usage: node scripts/check-cycles.mjs [root]   (exit 0: no cycle; exit 1: cycles, each printed)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
const importPattern =
  /(?:^|[;\s}])(?:import|export)\s+(?:type\s+)?(?:[^"'`;]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/gm;

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    base.replace(/\.js$/, ".ts"),
    base.replace(/\.mjs$/, ".mts"),
    `${base}.ts`,
    join(base, "index.ts"),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const roots = ["packages", "apps"].flatMap((group) => {
  const dir = join(root, group);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => join(dir, name, "src"))
    .filter((src) => existsSync(src));
});

const graph = new Map();
for (const src of roots) {
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    const edges = new Set();
    for (const match of text.matchAll(importPattern)) {
      const target = resolveImport(file, match[1] ?? match[2]);
      if (target) edges.add(target);
    }
    graph.set(file, [...edges]);
  }
}

// Tarjan's strongly connected components: every component of more than one module (or a module
// importing itself) is a cycle.
let index = 0;
const stack = [];
const state = new Map();
const cycles = [];
function visit(node) {
  const record = { index, low: index, onStack: true };
  index += 1;
  state.set(node, record);
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    const seen = state.get(next);
    if (!seen) {
      visit(next);
      record.low = Math.min(record.low, state.get(next).low);
    } else if (seen.onStack) {
      record.low = Math.min(record.low, seen.index);
    }
  }
  if (record.low === record.index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      state.get(member).onStack = false;
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
  }
}
for (const node of graph.keys()) if (!state.has(node)) visit(node);

if (cycles.length === 0) {
  console.log(`no import cycles in ${graph.size} modules`);
} else {
  for (const cycle of cycles) {
    console.error(
      `import cycle: ${cycle
        .map((f) => relative(root, f))
        .sort()
        .join(" <-> ")}`,
    );
  }
  console.error(
    `${cycles.length} import cycle(s); break each by moving the shared part into its own module or injecting it.`,
  );
  process.exit(1);
}
