import { mkdir, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { ScheduleFiles } from "../ports.js";

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
    // core's atomic write: temp file in the same folder, fsync, rename, under a lock.
    await mkdir(dirname(path), { recursive: true });
    const { writeFileAtomic } = await import("@hub-setup/core/node");
    await writeFileAtomic(path, text, { backup: false });
  },
  remove: (path) => rm(path, { force: true }),
};
