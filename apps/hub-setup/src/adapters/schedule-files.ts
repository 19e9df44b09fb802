import { mkdir, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { ScheduleFiles } from "../ports.js";

/** The mode of every folder hub-setup creates (mkdir applies it, less the umask, to each level). */
const PRIVATE_FOLDER = 0o700;

/** The files `schedule` reads and writes (its own unit files only). */
export const scheduleFiles: ScheduleFiles = {
  read: async (path) => {
    try {
      return await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  },
  writeAtomic: async (path, text) => {
    // core's atomic write: temp file in the same folder, fsync, rename, under a lock. Every folder it
    // creates (~/.config too, as XDG asks) is 0700 whatever the umask: a umask of 000 made them 0777.
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_FOLDER });
    const { writeFileAtomic } = await import("@hub-setup/core/node");
    await writeFileAtomic(path, text, { backup: false });
  },
  remove: (path) => rm(path, { force: true }),
};
