/**
 * parseAnsibleConfig and toConfigParserView: what Ansible's ConfigParser makes of a file. Both take the
 * text already decoded (Ansible decodes UTF-8 with surrogateescape, so bytes that are not UTF-8 never fail;
 * readConfigFile in core/node decodes the same way). Neither throws on any input.
 */
import { AnsibleConfig, type ConfigSections } from "./document.js";
import { parseErrorFrom, type ConfigParseError } from "./parse-error.js";
import { scanConfig } from "./scan.js";

export type ParseResult = { ok: true; config: AnsibleConfig } | { ok: false; error: ConfigParseError };

export function parseAnsibleConfig(text: string): ParseResult {
  const scan = scanConfig(text, false);
  if (scan.fatal !== undefined) return { ok: false, error: parseErrorFrom(scan.fatal, scan.lines) };
  const first = scan.parseErrors[0];
  if (first !== undefined) return { ok: false, error: parseErrorFrom(first, scan.lines, scan.parseErrors) };
  return { ok: true, config: new AnsibleConfig(scan) };
}

export type ConfigParserView =
  { ok: true; sections: ConfigSections; defaults: Record<string, string> } | { ok: false; error: string };

/**
 * The shape of the ansible-cfg corpus ground truth: each section's own raw values and [DEFAULT]'s, or
 * "<PythonErrorClass>: <message>" (our message, which never quotes a value).
 */
export function toConfigParserView(text: string): ConfigParserView {
  const parsed = parseAnsibleConfig(text);
  if (!parsed.ok) return { ok: false, error: `${parsed.error.pythonClass}: ${parsed.error.message}` };
  return { ok: true, ...parsed.config.toView() };
}
