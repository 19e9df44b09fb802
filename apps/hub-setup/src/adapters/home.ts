import { homedir } from "node:os";
import type { Env } from "../ports.js";

/** The home folder: $HOME when set (tests set it), else the OS's idea of it. */
export function homeDir(env: Env): string {
  const home = env["HOME"];
  return home !== undefined && home !== "" ? home : homedir();
}
