import { statSync, type Stats } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // a PATH folder we may not read, or a file where a folder was meant
  }
}

/** Whether `name` is an executable file in one of PATH's (absolute) folders, as a shell would find it. */
export function commandOnPath(name: string, env: Readonly<Record<string, string | undefined>>): boolean {
  return (env["PATH"] ?? "")
    .split(delimiter)
    .filter((dir) => isAbsolute(dir))
    .some((dir) => {
      const found = statOf(join(dir, name));
      return found?.isFile() === true && (found.mode & 0o111) !== 0;
    });
}
