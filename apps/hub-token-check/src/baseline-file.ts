import { writeFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { renderBaseline } from "./baseline.js";
import type { Finding } from "./scan/finding.js";

/** Writes the baseline (redacted forms only, so it may be committed). */
export async function writeBaselineFile(
  cwd: string,
  path: string,
  findings: readonly Finding[],
): Promise<void> {
  await writeFile(isAbsolute(path) ? path : join(cwd, path), renderBaseline(findings), "utf8");
}
