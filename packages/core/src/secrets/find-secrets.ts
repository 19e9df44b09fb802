/**
 * findSecrets: the one hub-token detector. Strings in, findings out: where each plaintext secret is
 * (1-based line and column), what kind it is, its redacted form and the fix. ansible.cfg-shaped files
 * are read through core's ConfigParser-faithful tokenizer; every other text file line by line for
 * hub credential names in any syntax. In every file: a Red Hat SSO offline token anywhere (by its
 * decoded claims), credentials in URLs, a hub token called a token in prose.
 */
import { tokenizeAnsibleConfig } from "../cfg/tokenize.js";
import { isAllowed } from "./allow.js";
import { ENCODED_JWT, findEncodedSsoTokens, findSecretDataHubTokens } from "./base64-tokens.js";
import type { ScanLine } from "./cfg-line.js";
import type { Finding, ScanResult } from "./finding.js";
import {
  findHexInProse,
  findOfflineTokens,
  findSplitOfflineTokens,
  findUrlCredentials,
} from "./in-any-line.js";
import { findEmbeddedCfg } from "./embedded-cfg.js";
import { findGalaxyTokenFlags } from "./galaxy-flags.js";
import { findNetrcPasswords, isNetrcName } from "./netrc.js";
import { scanLines } from "./scan-lines.js";
import { findAssignments, textContext, textLines } from "./text-scan.js";

export type FindSecretsOptions = { path: string };

const CONFIG_NAMES = new Set(["ansible.cfg", ".ansible.cfg"]);
const INI_EXTENSION = /\.(?:cfg|ini)$/i;
const GALAXY_SECTION = /^[\s\u00a0\f\v]*\[(?:galaxy|galaxy_server\.[^\]\r\n]*)\]/im;
const BACKUP_SUFFIX = /(?:\.bak|~)$/i;
const TEMP_COPY = /^\.(.+?)\.hub-setup-tmp-[0-9]+-[0-9a-f]+(?:\.stale|\.lock)?$/i;
const TEMP_MARK = /\.hub-setup-tmp-/i;
/** An ansible-vault file: its payload is encrypted, so nothing in it is plaintext. */
const VAULT_HEADER = /^\$ANSIBLE_VAULT;/;

/** The file name a path ends in, without a backup suffix or hub-setup's temp-file wrapping. */
export function copiedBaseName(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const base = path.slice(slash + 1);
  // The literal first: most names are no temp file, and TEMP_COPY's lazy group is slower to rule out.
  const unwrapped = TEMP_MARK.test(base) ? base.replace(TEMP_COPY, "$1") : base;
  return unwrapped.replace(BACKUP_SUFFIX, "");
}

function isConfigName(base: string): boolean {
  return CONFIG_NAMES.has(base.toLowerCase()) || INI_EXTENSION.test(base);
}

/** YAML and JSON files: a galaxy section in them is an embedded ansible.cfg (see embedded-cfg.ts). */
const STRUCTURED_EXTENSION = /\.(?:ya?ml|json)$/i;

function isIniShapedBase(base: string, text: string): boolean {
  return isConfigName(base) || (!STRUCTURED_EXTENSION.test(base) && GALAXY_SECTION.test(text));
}

/** Whether a file is read as Ansible reads ansible.cfg (by its name, or a galaxy section in it). */
export function isIniShaped(path: string, text: string): boolean {
  return isIniShapedBase(copiedBaseName(path), text);
}

/** Lone CRs end lines for Python too (universal newlines); turned into LFs, columns unchanged. */
function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}

/** The findings no allow comment covers, in line and column order. */
function settled(out: ScanResult, lines: readonly ScanLine[]): ScanResult {
  if (out.findings.length === 0) return out;
  const raws = lines.map((l) => l.raw);
  out.findings = out.findings.filter((f) => !isAllowed(raws, f.line)).sort(byPosition);
  return out;
}

/** Case-insensitive "token": what findHexInProse needs on a line. */
const TOKEN_WORD = /token/i;

/** Every plaintext secret in one file, and the notes (a `${VAR}` Ansible will not expand). */
export function scanSecrets(input: string, options: FindSecretsOptions): ScanResult {
  const text = normalizeNewlines(input);
  const { path } = options;
  if (VAULT_HEADER.test(text)) return { findings: [], notes: [] };
  const base = copiedBaseName(path);
  const ctx = textContext(base, text);
  if (isIniShapedBase(base, text)) {
    const cfgLines = tokenizeAnsibleConfig(text);
    const out = scanLines(path, cfgLines);
    findAssignments(path, cfgLines, { ...ctx, galaxyCredential: false }, out);
    // A file read as ansible.cfg only for the `[galaxy]` written in it (a ConfigMap's `ansible.cfg: |`).
    if (!isConfigName(base)) findEmbeddedCfg(path, cfgLines, out);
    return settled(out, cfgLines);
  }
  const lines = textLines(text);
  const out: ScanResult = { findings: [], notes: [] };
  const sectionAt: (string | null)[] = [];
  findAssignments(path, lines, ctx, out);
  // An ansible.cfg inside a string or a YAML block: only where a galaxy section is written.
  if (text.includes("[galaxy")) findEmbeddedCfg(path, lines, out);
  // Each of these finds only on a line that holds its marker (a URL's `://`, a JWT's `eyJ`, "token"):
  // a file without it anywhere is passed over whole. Most files are, and --all scans thousands.
  if (text.includes("://")) findUrlCredentials(path, lines, sectionAt, out);
  if (text.includes("eyJ")) {
    findOfflineTokens(path, lines, sectionAt, out);
    findSplitOfflineTokens(path, lines, sectionAt, out);
  }
  if (text.includes(ENCODED_JWT)) findEncodedSsoTokens(path, lines, out);
  if (ctx.kubernetesSecret) findSecretDataHubTokens(path, lines, out, scanDecoded);
  if (text.includes("--token") || text.includes("--api-key")) findGalaxyTokenFlags(path, lines, out);
  const netrc = isNetrcName(base);
  if (netrc || text.includes("machine") || text.includes("default"))
    findNetrcPasswords(path, lines, netrc, out);
  if (TOKEN_WORD.test(text)) findHexInProse(path, lines, sectionAt, out);
  return settled(out, lines);
}

/** A file decoded from a Kubernetes Secret's `data:`, scanned as the file its key names. */
function scanDecoded(text: string, name: string): readonly Finding[] {
  return scanSecrets(text, { path: name }).findings;
}

/** The findings of scanSecrets: `{ path, line, column, kind, key, redacted, fix }` and where. */
export function findSecrets(text: string, options: FindSecretsOptions): Finding[] {
  return scanSecrets(text, options).findings;
}
