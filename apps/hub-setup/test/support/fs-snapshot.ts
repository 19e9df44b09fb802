import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";

/** Every file and folder under `root`: path, type, mode and exact bytes. Equal strings mean an identical tree. */
export function snapshotTree(root: string): string {
  const entries: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const relPath = rel === "" ? name : `${rel}/${name}`;
      const st = lstatSync(path);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isDirectory()) {
        entries.push(`d ${relPath} ${mode}`);
        walk(path, relPath);
      } else if (st.isSymbolicLink()) {
        entries.push(`l ${relPath} -> ${readlinkSync(path)}`);
      } else {
        entries.push(`f ${relPath} ${mode} ${readFileSync(path).toString("base64")}`);
      }
    }
  };
  walk(root, "");
  return entries.join("\n");
}
