/**
 * Which files Ansible could read as its config: `ansible.cfg` and `.ansible.cfg` by name; any other
 * `*.cfg` / `*.ini` (ANSIBLE_CONFIG may name one) only when it holds a `[galaxy]` or
 * `[galaxy_server.*]` section.
 */
const CONFIG_NAMES = new Set(["ansible.cfg", ".ansible.cfg"]);
const CONFIG_EXTENSION = /\.(?:cfg|ini)$/i;
const GALAXY_SECTION = /^[ \t]*\[(?:galaxy|galaxy_server\.[^\]\r\n]*)\]/im;

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return path.slice(slash + 1);
}

/** Named like Ansible's own config file. */
export function isConfigName(path: string): boolean {
  return CONFIG_NAMES.has(baseName(path).toLowerCase());
}

/** Worth reading when scanning the index: the name alone may make it a candidate. */
export function mayBeConfig(path: string): boolean {
  return isConfigName(path) || CONFIG_EXTENSION.test(path);
}

export function holdsGalaxySection(text: string): boolean {
  return GALAXY_SECTION.test(text);
}

/** Whether to scan a file, once its text is known. */
export function isConfigFile(path: string, text: string): boolean {
  return isConfigName(path) || holdsGalaxySection(text);
}
