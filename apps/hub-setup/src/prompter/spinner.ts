import type { Spinner } from "./prompter.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * A spinner for a terminal: one line redrawn in place, erased when the work ends (the caller prints
 * the outcome). Without a terminal it prints the text once, so logs show what was being waited on.
 */
export function createSpinner(write: (text: string) => void, terminal: boolean, intervalMs = 80): Spinner {
  return {
    spin: async (text, work) => {
      if (!terminal) {
        write(`${text}…\n`);
        return work();
      }
      let frame = 0;
      const draw = (): void => write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length] ?? "-"} ${text}`);
      draw();
      const timer = setInterval(draw, intervalMs);
      timer.unref();
      try {
        return await work();
      } finally {
        clearInterval(timer);
        write("\r\x1b[K");
      }
    },
  };
}
