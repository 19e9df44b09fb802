/**
 * The little file-system knowledge config discovery needs, behind a port so that unit tests can
 * describe any machine (a world-writable cwd, an /etc/ansible) without touching the real one.
 */
import { accessSync, constants, statSync } from "node:fs";

export interface DiscoveryFs {
  /** stat() following symlinks, as Python's os.stat; undefined when it fails (missing, no access). */
  stat(path: string): { isDirectory: boolean; mode: number } | undefined;
  /** os.access(path, R_OK). */
  readable(path: string): boolean;
}

export const nodeDiscoveryFs: DiscoveryFs = {
  stat(path) {
    try {
      const st = statSync(path);
      return { isDirectory: st.isDirectory(), mode: st.mode };
    } catch {
      return undefined;
    }
  },
  readable(path) {
    try {
      accessSync(path, constants.R_OK);
      return true;
    } catch {
      return false;
    }
  },
};
