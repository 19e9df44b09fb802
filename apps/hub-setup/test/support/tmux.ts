import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { tempDir } from "@hub-setup/test-utils";

/** A single-quoted shell word. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export type TmuxSession = {
  /** Keys by tmux name: "Enter", "Down", "Space", "C-c", "C-u", "Escape". */
  keys: (...names: string[]) => void;
  /** Literal text, typed (not pasted). */
  type: (text: string) => void;
  /** The whole pane, scrollback included, wrapped lines joined. */
  screen: () => string;
  /** Polls the screen until it matches; every screen seen is kept in `screens`. */
  waitFor: (match: string | RegExp, timeoutMs?: number) => Promise<string>;
  screens: string[];
  kill: () => void;
};

/**
 * Runs `argv` in a detached tmux server of its own, 120×40, with `env` as the whole environment. When
 * the command ends the pane shows `[exit N]` and stays open for capture. Call it inside a test: the
 * server is killed when the test finishes (or earlier by `kill()`), and its socket lives in a temp
 * folder removed then too (`kill-server` leaves the socket file behind; `-L` would litter /tmp/tmux-UID).
 */
export function startTmux(
  argv: readonly string[],
  options: { env: Record<string, string>; cwd: string },
): TmuxSession {
  // Registered after tempDir: finish hooks run last-in first-out, so the server dies before its folder goes.
  const socket = join(tempDir("hub-setup-tmux-"), "tmux.sock");
  const kill = (): void => void spawnSync("tmux", ["-S", socket, "kill-server"], { env: options.env });
  onTestFinished(kill);
  const tmux = (...args: string[]) => {
    const run = spawnSync("tmux", ["-S", socket, "-f", "/dev/null", ...args], {
      env: options.env,
      cwd: options.cwd,
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`tmux ${args[0] ?? ""} failed: ${run.stderr}`);
    return run.stdout;
  };
  // The shell survives a Ctrl-C meant for the command (a trap, not an ignore: the command still gets it).
  const command = `trap : INT; ${argv.map(shellQuote).join(" ")}; echo "[exit $?]"; sleep 3600`;
  tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "main", "-c", options.cwd, "sh", "-c", command);
  tmux("set-option", "-t", "main", "history-limit", "5000");
  const screens: string[] = [];
  const screen = () => {
    const text = tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "main");
    screens.push(text);
    return text;
  };
  return {
    keys: (...names) => void tmux("send-keys", "-t", "main", ...names),
    type: (text) => void tmux("send-keys", "-t", "main", "-l", text),
    screen,
    screens,
    waitFor: async (match, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = screen();
        // inquirer wraps long lines itself, so a string matches across line breaks too
        const flat = text.replace(/\s+/g, " ");
        if (
          typeof match === "string"
            ? flat.includes(match.replace(/\s+/g, " "))
            : match.test(text) || match.test(flat)
        )
          return text;
        if (Date.now() > deadline) {
          throw new Error(`tmux: waited ${timeoutMs} ms for ${String(match)}; the screen shows:\n${text}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    kill,
  };
}

// One definition of "a screen shows a token", shared with the other packages' tests.
export { showsSecret } from "@hub-setup/test-utils";
