import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } from "@inquirer/core";

export type SecretPromptConfig = {
  message: string;
  /** Shown under the question while nothing is typed: how to paste, how to clear. */
  help?: string;
  validate?: (value: string) => true | string | Promise<true | string>;
};

/** What the field shows of a secret: a fixed row of dots and the length, never a character of it. */
export function secretEcho(length: number): string {
  return length === 0 ? "" : `●●●●●● ${length} character${length === 1 ? "" : "s"}`;
}

/**
 * A masked prompt for tokens. Unlike inquirer's `password`, (1) it echoes that something arrived
 * (dots and a length, so a paste is visibly received without filling the screen with an 800-character
 * token), and (2) a refused value is cleared, so Enter does not re-submit it and the next paste does
 * not append to it; the error says so.
 */
export const secretPrompt = createPrompt<string, SecretPromptConfig>((config, done) => {
  const validate = config.validate ?? (() => true);
  const theme = makeTheme();
  const [status, setStatus] = useState<"idle" | "loading" | "done">("idle");
  const [error, setError] = useState<string | undefined>(undefined);
  const [value, setValue] = useState("");
  const prefix = usePrefix({ status, theme });

  useKeypress(async (key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      const answer = value;
      setStatus("loading");
      const verdict = await validate(answer);
      if (verdict === true) {
        setStatus("done");
        done(answer);
        return;
      }
      // readline already emptied its line on Enter; the field stays empty (nothing is written back).
      setValue("");
      setError(`${verdict}\nThe field is cleared: paste the token again.`);
      setStatus("idle");
      return;
    }
    setValue(rl.line);
    if (rl.line.length > 0) setError(undefined);
  });

  const message = theme.style.message(config.message, status);
  const echo = secretEcho(value.length);
  const shown = status === "done" ? theme.style.answer(echo) : echo;
  const help =
    status === "idle" && value.length === 0 && config.help !== undefined ? theme.style.help(config.help) : "";
  const bottom = [error === undefined ? "" : theme.style.error(error), help]
    .filter((l) => l !== "")
    .join("\n");
  return [[prefix, message, shown].filter((p) => p !== "").join(" "), bottom];
});
