/**
 * File-system failures Node reports by errno (a full disk, a file size limit, a folder we may not
 * create): what each means, in words. An ansible.cfg or store we cannot write is exit 5, never an
 * "unexpected error".
 */
import { HubSetupError } from "@hub-setup/core";

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device (ENOSPC)",
  EDQUOT: "the disk quota is used up (EDQUOT)",
  EFBIG: "the file would be too large for this process's file size limit (EFBIG; `ulimit -f`)",
  EACCES: "permission denied (EACCES)",
  EPERM: "the operation is not permitted (EPERM)",
  EROFS: "the file system is read-only (EROFS)",
  ENOTDIR: "a part of the path is a file, not a folder (ENOTDIR)",
  EISDIR: "it is a folder, not a file (EISDIR)",
  ELOOP: "too many levels of symbolic links (ELOOP)",
  EIO: "an input/output error on the device (EIO)",
};

export type ErrnoError = Error & { code: string; path?: string; syscall?: string };

/** A Node errno error of the file system (one of REASONS' codes). */
export function isFsError(error: unknown): error is ErrnoError {
  return (
    error instanceof Error &&
    "code" in error &&
    typeof error.code === "string" &&
    Object.hasOwn(REASONS, error.code)
  );
}

/** "no space left on the device (ENOSPC)", and so on. */
export function fsReason(error: ErrnoError): string {
  return REASONS[error.code] ?? error.code;
}

/** What to do about it. */
export function fsHint(error: ErrnoError): string {
  switch (error.code) {
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return "free some space (or raise the limit), then run hub-setup again";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "check the folder's owner and permissions, or choose another location";
    default:
      return "fix the path, then run hub-setup again";
  }
}

/** A read-only ansible.cfg (no write bit for anyone) is not replaced behind its owner's back. */
export function readOnlyConfigError(path: string): HubSetupError {
  return new HubSetupError(
    "CONFIG_NOT_WRITABLE",
    `${path} is read-only (no write permission for anyone): someone made it so on purpose, so hub-setup does not replace it; nothing was written.`,
    { hint: `make it writable (chmod u+w ${path}) and run again, or choose another file with --config` },
  );
}
