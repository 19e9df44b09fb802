import { HubSetupError } from "@hub-setup/core";
import type { Prompter, Spinner, Validate } from "./prompter.js";

/** An answer that presses Ctrl-C at this question. */
export const CANCEL = Symbol("cancel");
/** An answer that presses Enter on the default (or pre-filled) value. */
export const DEFAULT = Symbol("default");

export type ScriptedAnswer = string | boolean | readonly string[] | typeof CANCEL | typeof DEFAULT;

/**
 * Answers keyed by the start of the question's text. An array key holds the answers for successive
 * askings of the same question (a retry, or a re-ask after validation refused the previous answer).
 */
export type Script = Record<string, ScriptedAnswer | { each: readonly ScriptedAnswer[] }>;

export type AskedQuestion = { kind: keyof Prompter; message: string; question: unknown };

export type ScriptedPrompter = Prompter & {
  asked: AskedQuestion[];
  /** Validation messages shown for refused answers, in order. */
  refusals: string[];
  /** Throws when an answer was never asked for, or when an unexpected question was asked. */
  verify: () => void;
};

/**
 * A Prompter for tests. An unexpected question fails loudly (so adding or renaming a question breaks
 * the test), an answer a select does not offer fails, and verify() fails on answers never used.
 */
export function scriptedPrompter(script: Script): ScriptedPrompter {
  const queues = new Map<string, ScriptedAnswer[]>(
    Object.entries(script).map(([key, value]) => [
      key,
      typeof value === "object" && value != null && "each" in value ? [...value.each] : [value],
    ]),
  );
  const asked: AskedQuestion[] = [];
  const refusals: string[] = [];
  const problems: string[] = [];

  function fail(message: string): never {
    problems.push(message);
    throw new Error(`scripted prompter: ${message}`);
  }

  function next(kind: keyof Prompter, message: string, question: unknown): ScriptedAnswer {
    asked.push({ kind, message, question });
    const keys = [...queues.keys()].filter((key) => message.startsWith(key));
    if (keys.length === 0) fail(`unexpected ${kind} question: "${message}"`);
    if (keys.length > 1) fail(`question "${message}" matches several keys: ${keys.join(" | ")}`);
    const queue = queues.get(keys[0]!)!;
    const answer = queue.shift();
    if (answer === undefined) fail(`question "${message}" asked more often than scripted`);
    if (answer === CANCEL) throw new HubSetupError("CANCELLED", "cancelled (scripted Ctrl-C)");
    return answer;
  }

  function text(
    kind: "input" | "password",
    message: string,
    q: { default?: string; validate?: Validate },
  ): string {
    for (;;) {
      const answer = next(kind, message, q);
      const value = answer === DEFAULT ? (q.default ?? "") : answer;
      if (typeof value !== "string") fail(`${kind} "${message}" needs a string answer`);
      const verdict = q.validate === undefined ? true : q.validate(value);
      if (verdict === true) return value;
      refusals.push(verdict);
    }
  }

  return {
    asked,
    refusals,
    select: async (q) => {
      const answer = next("select", q.message, q);
      const choice =
        answer === DEFAULT
          ? q.choices.find((c) => c.value === q.default)
          : q.choices.find((c) => c.value === answer);
      if (choice === undefined) {
        fail(
          `select "${q.message}" has no choice ${String(answer)}; it offers ${q.choices.map((c) => String(c.value)).join(", ")}`,
        );
      }
      return choice.value;
    },
    checkbox: async (q) => {
      const answer = next("checkbox", q.message, q);
      const picked =
        answer === DEFAULT ? q.choices.filter((c) => c.checked === true).map((c) => String(c.value)) : answer;
      if (!Array.isArray(picked)) fail(`checkbox "${q.message}" needs a list answer`);
      const values = (picked as readonly string[]).map((v) => {
        const choice = q.choices.find((c) => c.value === v);
        if (choice === undefined) fail(`checkbox "${q.message}" has no choice ${v}`);
        return choice.value;
      });
      if (q.required === true && values.length === 0) fail(`checkbox "${q.message}" requires a choice`);
      return values;
    },
    input: async (q) => text("input", q.message, q),
    password: async (q) => text("password", q.message, q),
    confirm: async (q) => {
      const answer = next("confirm", q.message, q);
      const value = answer === DEFAULT ? (q.default ?? false) : answer;
      if (typeof value !== "boolean") fail(`confirm "${q.message}" needs a boolean answer`);
      return value;
    },
    verify: () => {
      const unused = [...queues.entries()].filter(([, queue]) => queue.length > 0).map(([key]) => key);
      const all = [...problems, ...unused.map((key) => `scripted answer never used: "${key}"`)];
      if (all.length > 0) throw new Error(`scripted prompter:\n  ${all.join("\n  ")}`);
    },
  };
}

/** A Spinner that runs the work at once and remembers what it was told. */
export function recordingSpinner(): Spinner & { texts: string[] } {
  const texts: string[] = [];
  return {
    texts,
    spin: async (text, work) => {
      texts.push(text);
      return work();
    },
  };
}
