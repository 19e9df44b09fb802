import { tokenizeAnsibleConfig } from "@hub-setup/core";
import type { ScanResult } from "./finding.js";
import { scanLines } from "./scan-lines.js";

/**
 * Scans one file's text the way Ansible reads it: core's tolerant tokenizer gives the line-level view
 * (never failing, even on a file ConfigParser refuses), and the scanner reads secrets off it.
 */
export function scanConfigText(path: string, text: string): ScanResult {
  return scanLines(path, tokenizeAnsibleConfig(text));
}
