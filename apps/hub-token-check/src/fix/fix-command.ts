import { isAbsolute, join } from "node:path";
import {
  openSecretStore,
  readConfigFile,
  writeFileAtomic,
  type FileSnapshot,
  type SecretStore,
} from "@hub-setup/core/node";
import type { Io } from "../io.js";
import type { Finding } from "../scan/finding.js";
import { runFix, type FixPorts } from "./run-fix.js";

/** Where finding paths are relative to (the repository root for staged/--all, else the cwd). */
export type FixContext = { io: Io; root: string };

/**
 * --fix with the real world: core's secret store, readConfigFile (snapshot) and writeFileAtomic (lock,
 * backup, refuses if the file changed since it was read). Lives in its own bundle: the store pulls in
 * the whole of @hub-setup/core/node, which the commit path must not load.
 */
export async function fixFindings(findings: readonly Finding[], ctx: FixContext): Promise<void> {
  const full = (path: string) => (isAbsolute(path) ? path : join(ctx.root, path));
  const snapshots = new Map<string, FileSnapshot>();
  let store: Promise<SecretStore> | undefined;
  const openStore = () => (store ??= openSecretStore({ env: { ...ctx.io.env } }));
  const ports: FixPorts = {
    readText: async (path) => {
      const file = await readConfigFile(full(path));
      if (file === undefined) throw new Error("it is not in the working tree");
      snapshots.set(path, file.snapshot);
      return file.text;
    },
    writeText: async (path, text) =>
      (await writeFileAtomic(full(path), text, { expected: snapshots.get(path) ?? "absent", backup: true }))
        .backupPath,
    storedToken: async (id) => (await openStore()).get(id),
    storeToken: async (id, token) => (await openStore()).set(id, token),
    storeLocation: async () => (await openStore()).location,
  };
  await runFix(findings, ctx.io, ports);
}
