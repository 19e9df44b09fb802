/**
 * Edits on a parsed document. Each one plans new lines (edit-plan.ts), re-parses the result with the
 * same ConfigParser rules, and checks that every section and key now reads exactly as intended: the
 * edited key has the new value and nothing else moved. If not, the document is left as it was and a
 * ConfigEditError says why.
 */
import { checkKey, checkSectionName, checkValuePart, describeTarget } from "./edit-checks.js";
import { sectionEntry, type PlainLine } from "./plan-lines.js";
import { planRemoveOption, planWriteOption } from "./plan-option.js";
import { planAddSection, planRemoveSection, type SectionPlacement } from "./plan-section.js";
import { ConfigEditError, type ConfigWarning, type EditResult } from "./edit-result.js";
import { pyRStrip } from "./python-text.js";
import { scanConfig, type ScanResult } from "./scan.js";
import type { Newline } from "./style.js";

export interface DocCore {
  scan: ScanResult;
  newline: Newline;
}

type Model = Map<string, Map<string, string>>;

function modelOf(scan: ScanResult): Model {
  const m: Model = new Map();
  if (scan.defaults.headers.length > 0) m.set("DEFAULT", valuesOf(scan.defaults.options));
  for (const [name, s] of scan.sections) m.set(name, valuesOf(s.options));
  return m;
}

function valuesOf(options: ScanResult["defaults"]["options"]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, o] of options) out.set(k, o.value);
  return out;
}

function sameModel(a: Model, b: Model): boolean {
  if (a.size !== b.size) return false;
  for (const [name, keys] of a) {
    const other = b.get(name);
    if (other === undefined || other.size !== keys.size) return false;
    for (const [k, v] of keys) if (other.get(k) !== v) return false;
  }
  return true;
}

export function joinLines(lines: readonly PlainLine[]): string {
  let s = "";
  for (const l of lines) s += l.text + l.eol;
  return s;
}

function commit(core: DocCore, lines: PlainLine[], intend: (m: Model) => void, target: string): void {
  const scan = scanConfig(joinLines(lines), false);
  const want = modelOf(core.scan);
  intend(want);
  if (scan.fatal !== undefined || scan.parseErrors.length > 0 || !sameModel(want, modelOf(scan))) {
    throw new ConfigEditError(
      "READS_BACK_DIFFERENTLY",
      `cannot edit ${target}: ConfigParser would read the edited file differently than intended; nothing was changed`,
      { hint: "Check the key and value for characters ConfigParser treats specially (= : ; # [ ])." },
    );
  }
  core.scan = scan;
}

/** Runs `fn`; if it throws, the document is restored to what it was before. */
export function transaction<T>(core: DocCore, fn: () => T): T {
  const saved = core.scan;
  try {
    return fn();
  } catch (error) {
    core.scan = saved;
    throw error;
  }
}

export function editSetLines(
  core: DocCore,
  section: string,
  key: string,
  parts: readonly string[],
): EditResult {
  const k = checkKey(section, key);
  if (parts.length === 0)
    throw new ConfigEditError("EMPTY_LINE", `cannot set ${describeTarget(section, k)}: no value given`);
  parts.forEach((p, i) => checkValuePart(section, k, p, i > 0));
  return transaction(core, () => {
    let changed = editAddSection(core, section, "end").changed;
    const entry = sectionEntry(core.scan, section);
    if (entry === undefined) throw new ConfigEditError("INVALID_SECTION_NAME", `cannot add [${section}]`);
    const plan = planWriteOption(core.scan, core.newline, entry, k, parts);
    if (plan !== undefined) {
      const value = pyRStrip(parts.join("\n"));
      commit(core, plan, (m) => m.get(section)?.set(k, value), describeTarget(section, k));
      changed = true;
    }
    const warnings: ConfigWarning[] = [];
    if (section !== "DEFAULT" && core.scan.defaults.options.has(k)) {
      warnings.push({
        code: "SHADOWS_DEFAULT",
        section,
        key: k,
        message: `[DEFAULT] also sets \`${k}\`: [${section}] now uses its own value, but every other section still inherits the one from [DEFAULT]`,
      });
    }
    const v = parts.length === 1 ? (parts[0] ?? "") : "";
    if (v.length > 1 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0]) && v[v.length - 2] !== "\\") {
      warnings.push({
        code: "QUOTES_STRIPPED",
        section,
        key: k,
        message: `the value of ${describeTarget(section, k)} starts and ends with the same quote: Ansible removes that pair of quotes from string settings`,
      });
    }
    return { changed, warnings };
  });
}

export function editRemove(core: DocCore, section: string, key: string): EditResult {
  const k = key.toLowerCase();
  const warnings: ConfigWarning[] = [];
  if (section !== "DEFAULT" && core.scan.defaults.options.has(k) && sectionEntry(core.scan, section)) {
    warnings.push({
      code: "INHERITS_DEFAULT",
      section,
      key: k,
      message: `[${section}] still gets \`${k}\` from [DEFAULT] after this removal`,
    });
  }
  const opt = sectionEntry(core.scan, section)?.options.get(k);
  if (opt === undefined) return { changed: false, warnings };
  commit(
    core,
    planRemoveOption(core.scan, opt),
    (m) => m.get(section)?.delete(k),
    describeTarget(section, k),
  );
  return { changed: true, warnings };
}

export function editAddSection(core: DocCore, name: string, placement: SectionPlacement): EditResult {
  checkSectionName(name);
  if (sectionEntry(core.scan, name) !== undefined) return { changed: false, warnings: [] };
  const plan = planAddSection(core.scan, core.newline, name, placement);
  commit(core, plan, (m) => m.set(name, new Map()), `[${name}]`);
  return { changed: true, warnings: [] };
}

export function editRemoveSection(core: DocCore, name: string): EditResult {
  const entry = sectionEntry(core.scan, name);
  if (entry === undefined) return { changed: false, warnings: [] };
  commit(core, planRemoveSection(core.scan, entry), (m) => m.delete(name), `[${name}]`);
  return { changed: true, warnings: [] };
}
