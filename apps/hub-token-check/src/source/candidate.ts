/**
 * Which files Ansible could read as its config: `ansible.cfg` and `.ansible.cfg` by name; any other
 * `*.cfg` / `*.ini` (ANSIBLE_CONFIG may name one) only when it holds a `[galaxy]` or
 * `[galaxy_server.*]` section. A backup copy of such a file (`ansible.cfg.bak`, which hub-setup and
 * --fix leave beside the file they rewrite, or an editor's `ansible.cfg~`) is judged like the file it
 * copies: it holds the previous content, maybe the very token just moved out, and `git add -A` stages it.
 */
const CONFIG_NAMES = new Set(["ansible.cfg", ".ansible.cfg"]);
const CONFIG_EXTENSION = /\.(?:cfg|ini)$/i;
const GALAXY_SECTION = /^[ \t]*\[(?:galaxy|galaxy_server\.[^\]\r\n]*)\]/im;
/** One backup suffix: `.bak` (any case) or `~`. Kept in step with BACKUP_PATHSPECS in git-index.ts. */
const BACKUP_SUFFIX = /(?:\.bak|~)$/i;

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return path.slice(slash + 1);
}

/** The path of the file a backup copies (`ansible.cfg.bak` → `ansible.cfg`); other paths unchanged. */
function copiedPath(path: string): string {
  return path.replace(BACKUP_SUFFIX, "");
}

/** A backup copy (`.bak`, `~`) of a file that may be a config: its findings are fixed by deleting it. */
export function isBackupCopy(path: string): boolean {
  return BACKUP_SUFFIX.test(path) && mayBeConfig(path);
}

/** Named like Ansible's own config file, or a backup copy of one. */
export function isConfigName(path: string): boolean {
  return CONFIG_NAMES.has(baseName(copiedPath(path)).toLowerCase());
}

/** Worth reading when scanning the index: the name alone may make it a candidate. */
export function mayBeConfig(path: string): boolean {
  return isConfigName(path) || CONFIG_EXTENSION.test(copiedPath(path));
}

export function holdsGalaxySection(text: string): boolean {
  return GALAXY_SECTION.test(text);
}

/** Whether to scan a file, once its text is known. */
export function isConfigFile(path: string, text: string): boolean {
  return isConfigName(path) || holdsGalaxySection(text);
}
