/**
 * The part of secretlint's rule API this rule uses (from @secretlint/types 11, which secretlint itself
 * brings), written out so that the rule depends on nothing but @hub-setup/core.
 */
export type TranslateResult = {
  message: string;
  messageId: string;
  data: Record<string, unknown> | undefined;
};

export type RuleMessages = Record<
  string,
  { en: (props: { kind: string; redacted: string; fix: string }) => string }
>;

export type RuleContext = {
  createTranslator(messages: RuleMessages): (id: string, props: Record<string, unknown>) => TranslateResult;
  report(descriptor: { message: TranslateResult; range: readonly [number, number] }): void;
};

export type SourceCode = { readonly content: string; readonly filePath: string | undefined };

export type RuleCreator = {
  messages: RuleMessages;
  meta: {
    id: string;
    type: "scanner";
    recommended: boolean;
    docs?: { url: string };
    supportedContentTypes: ("text" | "binary" | "all")[];
  };
  create(context: RuleContext, options: Record<string, never>): { file(source: SourceCode): void };
};
