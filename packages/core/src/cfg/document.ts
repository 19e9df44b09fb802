/**
 * AnsibleConfig: a parsed ansible.cfg that Ansible accepts, kept line for line so that `toString()` gives
 * back the input byte for byte. Reads follow ConfigParser (raw values, keys case-insensitive, section
 * names case-sensitive, [DEFAULT] inherited by `get`). Edits MUTATE this document in place and change
 * only the lines they must; use `clone()` first to keep the original.
 */
import { sectionEntry } from "./plan-lines.js";
import type { SectionPlacement } from "./plan-section.js";
import type { EditResult } from "./edit-result.js";
import {
  editAddSection,
  editRemove,
  editRemoveSection,
  editSetLines,
  joinLines,
  transaction,
  type DocCore,
} from "./edits.js";
import { pyLower } from "./python-text.js";
import { scanConfig, type OptionEntry, type ScanResult } from "./scan.js";
import { detectNewline, type Newline } from "./style.js";
import { toRecord } from "./record.js";

export type ConfigSections = Record<string, Record<string, string>>;

export class AnsibleConfig {
  readonly #core: DocCore;

  /** Use parseAnsibleConfig(text): it never throws and says why a file is refused. */
  constructor(scan: ScanResult) {
    if (scan.fatal !== undefined || scan.parseErrors.length > 0) {
      throw new TypeError("AnsibleConfig needs text that ConfigParser accepts; use parseAnsibleConfig()");
    }
    this.#core = { scan, newline: detectNewline(scan.lines) };
  }

  /** The file's newline ("\r\n" when most of its lines end so); lines we add use it. */
  get newline(): Newline {
    return this.#core.newline;
  }

  toString(): string {
    return joinLines(this.#core.scan.lines);
  }

  /** Section names in file order, without DEFAULT (as ConfigParser's sections()). */
  sectionNames(): string[] {
    return [...this.#core.scan.sections.keys()];
  }

  /** As ConfigParser's has_section(): false for DEFAULT. Section names are case-sensitive. */
  hasSection(name: string): boolean {
    return this.#core.scan.sections.has(name);
  }

  /** Whether the file has a [DEFAULT] section (whose keys every section inherits). */
  hasDefaultSection(): boolean {
    return this.#core.scan.defaults.headers.length > 0;
  }

  /** The raw value ConfigParser's get(section, key, raw=True) returns, [DEFAULT] included. */
  get(section: string, key: string): string | undefined {
    return this.#option(section, key, true)?.value;
  }

  /** The section's own value, without [DEFAULT] inheritance. */
  getOwn(section: string, key: string): string | undefined {
    return this.#option(section, key, false)?.value;
  }

  /** The section's own keys in file order (lower-cased); withDefaults adds inherited ones, like options(). */
  keys(section: string, options: { withDefaults?: boolean } = {}): string[] {
    const own = sectionEntry(this.#core.scan, section);
    if (own === undefined) return [];
    const keys = [...own.options.keys()];
    if (options.withDefaults === true && section !== "DEFAULT") {
      for (const k of this.#core.scan.defaults.options.keys()) if (!own.options.has(k)) keys.push(k);
    }
    return keys;
  }

  /** 1-based line and column of the key that `get(section, key)` reads (possibly in [DEFAULT]). */
  location(section: string, key: string): { line: number; column: number } | undefined {
    const o = this.#option(section, key, true);
    if (o === undefined) return undefined;
    const line = this.#core.scan.lines[o.line];
    return { line: o.line + 1, column: (line?.indent ?? 0) + 1 };
  }

  /** 1-based line and column of a section's (first) header. */
  sectionLocation(name: string): { line: number; column: number } | undefined {
    const s = sectionEntry(this.#core.scan, name);
    const header = s?.headers[0];
    if (header === undefined) return undefined;
    return { line: header + 1, column: (this.#core.scan.lines[header]?.indent ?? 0) + 1 };
  }

  /** 1-based first and last line of the section's own option (key line through its last continuation). */
  span(section: string, key: string): { startLine: number; endLine: number } | undefined {
    const o = this.#option(section, key, false);
    return o === undefined ? undefined : { startLine: o.line + 1, endLine: o.last + 1 };
  }

  /** Every section's own raw values and the [DEFAULT] ones, as Python's configparser holds them. */
  toView(): { sections: ConfigSections; defaults: Record<string, string> } {
    const sections: ConfigSections = {};
    for (const [name, s] of this.#core.scan.sections) toRecord(sections, name, valueRecord(s.options));
    return { sections, defaults: valueRecord(this.#core.scan.defaults.options) };
  }

  clone(): AnsibleConfig {
    return new AnsibleConfig(scanConfig(this.toString(), false));
  }

  /** Sets a one-line value, creating the section at the end of the file when it is missing. */
  set(section: string, key: string, value: string): EditResult {
    return editSetLines(this.#core, section, key, [value]);
  }

  /** Sets a value spanning lines: lines[0] on the key line, the rest as indented continuation lines. */
  setLines(section: string, key: string, lines: readonly string[]): EditResult {
    return editSetLines(this.#core, section, key, lines);
  }

  remove(section: string, key: string): EditResult {
    return editRemove(this.#core, section, key);
  }

  /** Adds an empty section: at the end, or right after/before another section. No-op if it exists. */
  addSection(name: string, placement: SectionPlacement = "end"): EditResult {
    return editAddSection(this.#core, name, placement);
  }

  removeSection(name: string): EditResult {
    return editRemoveSection(this.#core, name);
  }

  /** Runs several edits as one: if any throws, the document is left exactly as before. */
  transaction<T>(fn: (config: this) => T): T {
    return transaction(this.#core, () => fn(this));
  }

  #option(section: string, key: string, inherit: boolean): OptionEntry | undefined {
    const k = pyLower(key);
    const scan = this.#core.scan;
    if (section === "DEFAULT") return scan.defaults.options.get(k);
    const s = scan.sections.get(section);
    if (s === undefined) return undefined;
    return s.options.get(k) ?? (inherit ? scan.defaults.options.get(k) : undefined);
  }
}

function valueRecord(options: Map<string, OptionEntry>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, o] of options) toRecord(out, k, o.value);
  return out;
}
