/**
 * Up-front checks on what an edit is asked to write. They catch the common mistakes with a precise
 * reason; anything subtler is caught afterwards by re-parsing the edited text (see edits.ts).
 */
import { ConfigEditError } from "./edit-result.js";
import { isPySpace, pyLower, pyStrip } from "./python-text.js";

const where = (section: string, key?: string): string =>
  key === undefined ? `[${section}]` : `\`${key}\` in [${section}]`;

/** Returns the key as ConfigParser stores it (lower-cased). */
export function checkKey(section: string, key: string): string {
  const bad = (why: string): ConfigEditError =>
    new ConfigEditError("INVALID_KEY", `cannot write key ${JSON.stringify(key)} in [${section}]: ${why}`, {
      section,
      key,
    });
  if (key === "" || pyStrip(key) !== key) throw bad("a key cannot be empty or start or end with whitespace");
  if (/[\r\n]/.test(key)) throw bad("a key cannot contain a line break");
  if (/[=:]/.test(key)) throw bad("ConfigParser splits a line at its first `=` or `:`");
  if (/^[#;[]/.test(key)) throw bad("a line starting with #, ; or [ is a comment or a section header");
  return pyLower(key);
}

/** `;` at the start of the value or after whitespace starts an inline comment: it has no escape. */
function hasInlineComment(value: string): boolean {
  for (let i = value.indexOf(";"); i !== -1; i = value.indexOf(";", i + 1)) {
    if (i === 0 || isPySpace(value.charCodeAt(i - 1))) return true;
  }
  return false;
}

/** Checks one line of a value: parts[0] goes on the key line, later parts on continuation lines. */
export function checkValuePart(section: string, key: string, part: string, continuation: boolean): void {
  const reject = (reason: ConstructorParameters<typeof ConfigEditError>[0], why: string): ConfigEditError =>
    new ConfigEditError(reason, `cannot set ${where(section, key)}: ${why}`, {
      section,
      key,
      hint: "Values are written exactly as given (no quoting is added); choose a value ConfigParser reads back unchanged.",
    });
  if (/[\r\n]/.test(part)) {
    throw reject("NEWLINE", "the value contains a line break; an ansible.cfg value is one line");
  }
  if (hasInlineComment(part)) {
    throw reject(
      "INLINE_COMMENT",
      "the value contains `;` at its start or after whitespace, which ConfigParser cuts off as a comment (there is no escape)",
    );
  }
  if (pyStrip(part) !== part) {
    throw reject("SURROUNDING_WHITESPACE", "ConfigParser strips whitespace at the start and end of a value");
  }
  if (continuation && part === "") {
    throw reject("EMPTY_LINE", "an empty continuation line cannot be written");
  }
  if (continuation && part.startsWith("#")) {
    throw reject("INLINE_COMMENT", "a continuation line starting with # is read as a comment");
  }
}

export function checkSectionName(name: string): void {
  if (name === "" || /[\r\n]/.test(name)) {
    throw new ConfigEditError(
      "INVALID_SECTION_NAME",
      `cannot add section ${JSON.stringify(name)}: a section name is one non-empty line`,
      { section: name },
    );
  }
}

export { where as describeTarget };
