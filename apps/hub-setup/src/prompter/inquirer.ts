import { emitKeypressEvents } from "node:readline";
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import { HubSetupError } from "@hub-setup/core";
import type { Prompter } from "./prompter.js";
import { secretPrompt } from "./secret-prompt.js";

/** The only module that imports @inquirer/prompts (and, in secret-prompt.ts, @inquirer/core). */
export type InquirerPrompterOptions = {
  /** The terminal's input (bin.ts passes process.stdin through the context). */
  input: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Aborted from outside (SIGINT/SIGTERM while no prompt holds the terminal): the open prompt ends. */
  signal?: AbortSignal;
};

type Context = { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream; signal: AbortSignal };

/** inquirer's names for "the person stopped answering": Ctrl-C, an abort signal, a cancelled prompt. */
const CANCEL_ERRORS = new Set(["ExitPromptError", "AbortPromptError", "CancelPromptError"]);

export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && CANCEL_ERRORS.has(error.name);
}

export function inquirerPrompter(options: InquirerPrompterOptions): Prompter {
  const stream = options.input;

  async function ask<T>(run: (context: Context) => Promise<T>): Promise<T> {
    // Ctrl-C came while no question was open (during a check): ask nothing. Touching the stream now would
    // set stdin flowing with nobody to pause it again, and that alone keeps the process from exiting.
    if (options.signal?.aborted === true) throw new HubSetupError("CANCELLED", "cancelled");
    const esc = new AbortController();
    const onKey = (_text: unknown, key: { name?: string } | undefined): void => {
      if (key?.name === "escape") esc.abort(new Error("Esc pressed"));
    };
    emitKeypressEvents(stream);
    stream.on("keypress", onKey);
    const signal = options.signal === undefined ? esc.signal : AbortSignal.any([esc.signal, options.signal]);
    try {
      return await run({ input: options.input, output: options.output, signal });
    } catch (error) {
      if (isPromptCancel(error)) throw new HubSetupError("CANCELLED", "cancelled", { cause: error });
      throw error;
    } finally {
      stream.removeListener("keypress", onKey);
    }
  }

  return {
    select: (q) =>
      ask((context) =>
        select(
          {
            message: q.message,
            choices: q.choices.map((c) => ({ value: c.value, name: c.name, description: c.description })),
            default: q.default,
          },
          context,
        ),
      ),
    checkbox: (q) =>
      ask((context) =>
        checkbox(
          {
            message: q.message,
            choices: q.choices.map((c) => ({
              value: c.value,
              name: c.name,
              description: c.description,
              checked: c.checked ?? false,
            })),
            required: q.required ?? false,
          },
          context,
        ),
      ),
    input: (q) =>
      ask((context) =>
        input({ message: q.message, default: q.default, validate: q.validate ?? (() => true) }, context),
      ),
    password: (q) =>
      ask((context) =>
        secretPrompt(
          {
            message: q.message,
            ...(q.help === undefined ? {} : { help: q.help }),
            validate: q.validate ?? (() => true),
          },
          context,
        ),
      ),
    confirm: (q) => ask((context) => confirm({ message: q.message, default: q.default ?? false }, context)),
  };
}
