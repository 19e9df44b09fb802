import { randomUUID } from "node:crypto";
import { appendFile } from "node:fs/promises";

/**
 * The files a CI runner reads after a step ($GITHUB_ENV, $GITHUB_OUTPUT): appended to, never replaced
 * (earlier steps' entries stay), as actions/toolkit's file commands do.
 */
export async function appendRunnerFile(path: string, text: string): Promise<void> {
  await appendFile(path, text, { encoding: "utf8" });
}

/** A delimiter no value can guess: the toolkit's `ghadelimiter_<uuid>`. */
export function randomDelimiter(): string {
  return `ghadelimiter_${randomUUID()}`;
}
