import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ConfigEditError,
  ConfigParseError,
  parseAnsibleConfig,
  toConfigParserView,
  tokenizeAnsibleConfig,
  type AnsibleConfig,
} from "../../src/cfg/index.js";
import { corpus as corpusCheck, loadCorpus } from "./corpus.js";

// Properties over the real corpus: for any sequence of edits, re-parsing the written text gives exactly
// the model we meant (sections, keys, raw values, in order), and every line outside what an edit must
// touch is unchanged. Separately: no input whatsoever makes the parser throw.
const corpus = loadCorpus();
const handWritten = [
  "[galaxy]\nserver_list = a, b ; the order matters\n\n[galaxy_server.a]\nURL : https://a/   ;prod\ntoken=abc\t; loaded in May\n",
  "[DEFAULT]\nx = 1\n[s]\n  k1 = v ; c\n  k2: w\n      continued ; c2\n\n  k3 =\n",
  // A key ConfigParser reads but that looks like an unclosed section header: the editor may refuse it.
  "[s]\n[odd = 1\nk = v\n",
];
const accepted = [...corpus.filter((f) => f.expected.ok).map((f) => f.text), ...handWritten];
// Any accepted file, with the hand-written ones (the last few) picked more often than their share.
const fileIndexArb = fc.oneof(
  { weight: 4, arbitrary: fc.nat(accepted.length - 1) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: accepted.length - handWritten.length, max: accepted.length - 1 }),
  },
);

/**
 * A key as it stands in a file that the editor may refuse to write (it would not read back as that key,
 * or reads like a comment or a section header). Every other key must be writable with any value below.
 */
function isOddKey(key: string): boolean {
  // Python's str.strip() also takes U+001C–U+001F and U+0085 as whitespace.
  const pySpace = (c: string | undefined): boolean =>
    c !== undefined && (/\s/.test(c) || (c >= "\u001c" && c <= "\u001f") || c === "\u0085");
  return key === "" || pySpace(key[0]) || pySpace(key.at(-1)) || /[\r\n=:]|^[#;[]/.test(key);
}

/** What happened to the `set` ops: written, or refused (allowed only for an odd key). */
type SetTally = { written: number; refusedOdd: number };

type Model = Map<string, Map<string, string>>;
type Op =
  | { kind: "set"; section: number; key: number | string; value: string }
  | { kind: "remove"; section: number; key: number }
  | { kind: "addSection"; name: string }
  | { kind: "removeSection"; section: number }
  | { kind: "setBad"; section: number; key: number; value: string };

const chunk = fc.constantFrom(
  "a",
  "Z",
  "0",
  "_",
  "-",
  ".",
  "/",
  ":",
  "=",
  "%",
  "#",
  "@",
  ",",
  "https://h.example.com",
  "x;y",
);
const valueArb = fc
  .array(
    fc.oneof(
      chunk,
      chunk.map((c) => ` ${c}`),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join("").trim());
const badValueArb = fc.constantFrom("a\nb", "a ;b", ";x", " lead", "trail\t", "x\r");
const nameArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const sectionNameArb = fc.stringMatching(/^[a-z][a-z0-9_.]{0,14}$/);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      section: fc.nat(),
      key: fc.oneof(fc.nat(), nameArb),
      value: valueArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("remove" as const), section: fc.nat(), key: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("addSection" as const), name: sectionNameArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("removeSection" as const), section: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("setBad" as const),
      section: fc.nat(),
      key: fc.nat(),
      value: badValueArb,
    }),
  },
);

function modelOf(config: AnsibleConfig): Model {
  const view = config.toView();
  return new Map(Object.entries(view.sections).map(([s, keys]) => [s, new Map(Object.entries(keys))]));
}

function serialise(m: Model): string {
  return JSON.stringify([...m].map(([s, keys]) => [s, [...keys]]));
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

const lines = (text: string): string[] => text.split(/\r?\n/);

/** The 0-based old-line range [from, to) that differs between two texts (common prefix and suffix cut). */
function changedRange(before: string[], after: string[]): [number, number] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (
    s < before.length - p &&
    s < after.length - p &&
    before[before.length - 1 - s] === after[after.length - 1 - s]
  )
    s++;
  return [p, before.length - s];
}

/** Lines an edit of a section may touch: its block, blank/comment lines right above it. */
function sectionRange(config: AnsibleConfig, name: string, total: number): [number, number] {
  const header = (config.sectionLocation(name)?.line ?? 1) - 1;
  const text = lines(config.toString());
  let from = header;
  while (from > 0 && /^\s*([#;].*)?$/.test(text[from - 1] ?? "")) from--;
  const next = config
    .sectionNames()
    .map((n) => (config.sectionLocation(n)?.line ?? 0) - 1)
    .filter((l) => l > header)
    .sort((a, b) => a - b)[0];
  return [from, next ?? total];
}

function applyOp(
  config: AnsibleConfig,
  model: Model,
  op: Op,
  tally: SetTally,
): { allowed: [number, number]; applied: boolean } {
  const names = config.sectionNames();
  const total = lines(config.toString()).length;
  const none: [number, number] = [0, 0];
  if (op.kind === "addSection") {
    config.addSection(op.name);
    if (!model.has(op.name)) model.set(op.name, new Map());
    return { allowed: none, applied: true };
  }
  const section = pick(names, op.section);
  if (section === undefined) return { allowed: none, applied: false };
  if (op.kind === "removeSection") {
    const allowed = sectionRange(config, section, total);
    config.removeSection(section);
    model.delete(section);
    return { allowed, applied: true };
  }
  const keys = config.keys(section);
  const key = typeof op.key === "string" ? op.key : pick(keys, op.key);
  if (key === undefined) return { allowed: none, applied: false };
  const span = config.span(section, key);
  const allowed: [number, number] = span === undefined ? none : [span.startLine - 1, span.endLine];
  if (op.kind === "setBad") {
    expect(() => config.set(section, key, op.value)).toThrow(ConfigEditError);
    return { allowed: none, applied: true };
  }
  if (op.kind === "remove") {
    config.remove(section, key);
    model.get(section)?.delete(key);
    return { allowed, applied: true };
  }
  const oldLine =
    span === undefined ? undefined : tokenizeAnsibleConfig(config.toString())[span.startLine - 1];
  try {
    config.set(section, key, op.value);
  } catch (e) {
    // Only a key the model marks odd may be refused (typed, nothing changed); any other refusal is a bug.
    expect(e, `set [${section}] ${JSON.stringify(key)} = ${JSON.stringify(op.value)}`).toBeInstanceOf(
      ConfigEditError,
    );
    if (!isOddKey(key)) throw e;
    tally.refusedOdd++;
    return { allowed: none, applied: false };
  }
  tally.written++;
  model.get(section)?.set(key, op.value);
  if (oldLine !== undefined && span !== undefined && op.value !== "") {
    // The key as written, its delimiter and spacing, and an inline comment all survive.
    const newLine = tokenizeAnsibleConfig(config.toString())[span.startLine - 1];
    if (oldLine.value !== "")
      expect(newLine?.raw.startsWith(oldLine.raw.slice(0, (oldLine.valueColumn ?? 1) - 1))).toBe(true);
    expect(newLine?.commentText).toBe(oldLine.commentText);
  }
  return { allowed, applied: true };
}

describe.skipIf(!corpusCheck.available)("edits on corpus files (property)", () => {
  it("re-parse to the intended model, and leave every untouched line as it was", () => {
    let applied = 0;
    const sets: SetTally = { written: 0, refusedOdd: 0 };
    fc.assert(
      fc.property(fileIndexArb, fc.array(opArb, { minLength: 1, maxLength: 6 }), (fileIndex, ops) => {
        const parsed = parseAnsibleConfig(accepted[fileIndex] ?? "");
        if (!parsed.ok) throw parsed.error;
        const config = parsed.config;
        const model = modelOf(config);
        for (const op of ops) {
          const before = lines(config.toString());
          const result = applyOp(config, model, op, sets);
          if (result.applied) applied++;
          const text = config.toString();
          const reparsed = parseAnsibleConfig(text);
          expect(reparsed.ok).toBe(true);
          if (!reparsed.ok) return;
          expect(serialise(modelOf(reparsed.config))).toBe(serialise(model));
          const [from, to] = changedRange(before, lines(text));
          if (to > from) {
            expect(from).toBeGreaterThanOrEqual(result.allowed[0]);
            expect(to).toBeLessThanOrEqual(result.allowed[1]);
          }
        }
      }),
      { numRuns: 250, seed: 4242 },
    );
    console.info(
      `edit property: ${applied} ops applied, ${sets.written} sets written, ${sets.refusedOdd} refused (odd keys)`,
    );
    expect(applied).toBeGreaterThan(500);
    // Successful sets are counted on their own: adds, removes and refused setBad ops must not make up for
    // sets that never happened (with seed 4242 and the current corpus: over 300).
    expect(sets.written).toBeGreaterThanOrEqual(250);
    // The odd key of the hand-written file was tried, so the refusal path above is not dead.
    expect(sets.refusedOdd).toBeGreaterThan(0);
  });
});

const mangle = fc.oneof(
  fc.tuple(fc.nat(), fc.string({ unit: "binary", maxLength: 6 })).map(([at, s]) => (t: string) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.nat(40)).map(([at, n]) => (t: string) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.constant((t: string) => `\ufeff${t}`),
  fc.constant((t: string) => t.replace(/\n/g, "\r\n")),
  fc.constant((t: string) => t.split("\n").reverse().join("\n")),
);

// The corpus files and the hand-written ones (these alone when the corpus is missing).
const seeds = [...corpus.map((f) => f.text), ...handWritten];

describe("any input (property)", () => {
  const inputs = fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc
      .tuple(fc.nat(seeds.length - 1), fc.array(mangle, { maxLength: 4 }))
      .map(([i, fs]) => fs.reduce((t, f) => f(t), seeds[i] ?? "")),
  );
  it("never throws anything but the typed parse error, and tokenizes every line", () => {
    fc.assert(
      fc.property(inputs, (text) => {
        const parsed = parseAnsibleConfig(text);
        if (parsed.ok) {
          expect(parsed.config.toString()).toBe(text);
        } else {
          expect(parsed.error).toBeInstanceOf(ConfigParseError);
          expect(parsed.error.line).toBeGreaterThanOrEqual(1);
          expect(parsed.error.line).toBeLessThanOrEqual(text.split("\n").length);
        }
        const view = toConfigParserView(text);
        expect(view.ok).toBe(parsed.ok);
        const tokens = tokenizeAnsibleConfig(text);
        expect(tokens.length).toBe(text === "" ? 0 : text.replace(/\n$/, "").split("\n").length);
      }),
      { numRuns: 600, seed: 7 },
    );
  });
});
