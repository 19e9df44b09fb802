/** A failure as data (status --json, refresh's messages): its code, message and hint, never a stack. */
export type ErrorInfo = { code: string; message: string; hint: string | null };

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? error.code : "INTERNAL";
    const hint = "hint" in error && typeof error.hint === "string" ? error.hint : null;
    return { code, message: error.message, hint };
  }
  return { code: "INTERNAL", message: String(error), hint: null };
}
