/**
 * The questions the wizard may ask, and nothing else. Production passes the inquirer adapter
 * (inquirer.ts); tests pass the scripted fake (scripted.ts). Every method rejects with
 * HubSetupError("CANCELLED") when the person presses Ctrl-C or Esc.
 */
export type Choice<T> = {
  value: T;
  /** What the person sees. */
  name: string;
  /** One more line under the highlighted choice. */
  description?: string;
};

export type SelectQuestion<T> = { message: string; choices: readonly Choice<T>[]; default?: T };

export type CheckboxQuestion<T> = {
  message: string;
  choices: readonly (Choice<T> & { checked?: boolean })[];
  /** At least one choice must be ticked. */
  required?: boolean;
};

/** Returns true when the answer is fine, or the message to show before asking again. */
export type Validate = (value: string) => true | string;

export type InputQuestion = { message: string; default?: string; validate?: Validate };

export type PasswordQuestion = {
  message: string;
  /** Shown while the field is empty: how to paste and clear (e.g. "Ctrl-Shift-V pastes, Ctrl-U clears"). */
  help?: string;
  validate?: Validate;
};

export type ConfirmQuestion = { message: string; default?: boolean };

export type Prompter = {
  select: <T>(question: SelectQuestion<T>) => Promise<T>;
  checkbox: <T>(question: CheckboxQuestion<T>) => Promise<T[]>;
  input: (question: InputQuestion) => Promise<string>;
  /**
   * A masked answer: only dots and the length are echoed (an offline token would fill the screen with *);
   * a value the validation refuses is cleared, so the next paste starts afresh.
   */
  password: (question: PasswordQuestion) => Promise<string>;
  confirm: (question: ConfirmQuestion) => Promise<boolean>;
};

/** Shows that slow work is in progress (a spinner in a terminal, one line otherwise). */
export type Spinner = {
  spin: <T>(text: string, work: () => Promise<T>) => Promise<T>;
};
