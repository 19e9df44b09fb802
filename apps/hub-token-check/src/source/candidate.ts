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
/** One backup suffix: `.bak` (any case) or `~`. */
const BACKUP_SUFFIX = /(?:\.bak|~)$/i;
/**
 * A temp file of hub-setup's atomic write or lock beside a config: `.<name>.hub-setup-tmp-<pid>-<hex>`
 * (`.stale` / `.lock` after it for the lock's), `<name>` possibly a `.bak`. Killed mid-write, hub-setup
 * leaves it holding the new content, token included. Kept in step with TEMP_MARK in @hub-setup/core
 * (node/files/config-lock.ts).
 */
const TEMP_COPY = /(^|[/\\])\.([^/\\]+?)\.hub-setup-tmp-[0-9]+-[0-9a-f]+(?:\.stale|\.lock)?$/i;
/** What every TEMP_COPY holds: a cheap first test. */
const TEMP_MARK = /\.hub-setup-tmp-/i;

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return path.slice(slash + 1);
}

/**
 * The path of the file a backup or temp file copies (`ansible.cfg.bak`, `.ansible.cfg.hub-setup-tmp-1-ab`
 * → `ansible.cfg`); other paths unchanged.
 */
function copiedPath(path: string): string {
  // The literal first: most paths are no temp file, and TEMP_COPY's lazy group is slower to rule out.
  const unwrapped = TEMP_MARK.test(path) ? path.replace(TEMP_COPY, "$1$2") : path;
  return unwrapped.replace(BACKUP_SUFFIX, "");
}

/** A temp file hub-setup left beside a file that may be a config. */
export function isTempCopy(path: string): boolean {
  return TEMP_COPY.test(path) && mayBeConfig(path);
}

/**
 * A backup copy (`.bak`, `~`) or a left-over temp file of a file that may be a config: its findings are
 * fixed by deleting it.
 */
export function isBackupCopy(path: string): boolean {
  return (BACKUP_SUFFIX.test(path) || TEMP_COPY.test(path)) && mayBeConfig(path);
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
