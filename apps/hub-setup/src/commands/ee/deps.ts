import type { ContainerRuntimes, EeFiles, HubChecks, ImageScanPort, RefreshState } from "../../ports.js";
import type { WorkspacePorts } from "../../servers/workspace.js";

/** What `ee` needs of the world; index.ts builds the real ones, tests pass fakes. */
export type EeDeps = WorkspacePorts & {
  openState: () => Promise<RefreshState>;
  openChecks: () => Promise<HubChecks>;
  files: EeFiles;
  runtimes: ContainerRuntimes;
  scanImage: ImageScanPort;
  cwd: string;
  signal: AbortSignal;
  now: () => Date;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};
