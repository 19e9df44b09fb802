import type { LogEntry } from "./types.js";

/**
 * The request log. An entry is added when a request arrives (so the order is arrival order) and
 * completed with its status when the answer has been sent. It holds credential kinds and redacted
 * forms only: never a token, password or request body.
 */
export type RequestLog = {
  start(method: string, path: string): LogEntry;
  entries(): LogEntry[];
  clear(): void;
};

export function createRequestLog(limit = 10_000): RequestLog {
  let items: LogEntry[] = [];
  return {
    start: (method, path) => {
      const entry: LogEntry = { method, path, status: 0, credential: "none" };
      items.push(entry);
      if (items.length > limit) items = items.slice(-limit);
      return entry;
    },
    entries: () => items.map((e) => ({ ...e })),
    clear: () => {
      items = [];
    },
  };
}
