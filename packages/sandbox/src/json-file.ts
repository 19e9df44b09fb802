import { chmodSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { HubSetupError } from "@hub-setup/core";

/** What a state file holds and how to tell it from anything else: `valid` says whether a parsed value is one. */
export type JsonFileKind<T> = { what: string; valid(value: unknown): value is T; freshHint: string };

/**
 * Reads one of the sandbox's JSON state files: undefined when it does not exist, a STORE_UNAVAILABLE
 * error (with what to do) when it cannot be read or is not what `kind` expects.
 */
export function readJsonFile<T>(file: string, kind: JsonFileKind<T>): T | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new HubSetupError("STORE_UNAVAILABLE", `The sandbox cannot read its state file ${file}.`, {
      hint: "Check its permissions, or start the sandbox with another --state-dir.",
      cause: error,
    });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!kind.valid(parsed)) throw new Error(`not a version 1 ${kind.what}`);
    return parsed;
  } catch (error) {
    throw new HubSetupError(
      "STORE_UNAVAILABLE",
      `The sandbox state file ${file} is not valid ${kind.what}.`,
      {
        hint: kind.freshHint,
        cause: error,
      },
    );
  }
}

/** Writes `value` as JSON through a 0600 temp file renamed into place, so a crash never leaves half a file. */
export function writeJsonFile(file: string, value: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
