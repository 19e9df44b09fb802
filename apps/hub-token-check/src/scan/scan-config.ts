import { scanSecrets } from "@hub-setup/core";
import type { ScanResult } from "./finding.js";

/** Scans one file's text with core's hub-token detector (ansible.cfg the way Ansible reads it). */
export function scanConfigText(path: string, text: string): ScanResult {
  return scanSecrets(text, { path });
}
