/**
 * The secretlint rule: a `creator` over @hub-setup/core's findSecrets, so secretlint reports exactly the
 * secrets hub-token-check reports (one definition of a hub token, not a copy of its patterns).
 */
import { findSecrets } from "@hub-setup/core";
import { lineStarts, rangeOf } from "./offsets.js";
import type { RuleCreator, RuleMessages } from "./secretlint-types.js";

export const RULE_ID = "@hub-setup/secretlint-rule-hub-token";

export const messages: RuleMessages = {
  HUB_TOKEN: {
    en: (p) => `${p.redacted} in plaintext (${p.kind}): keep it out of the file, use ${p.fix} instead`,
  },
};

export const creator: RuleCreator = {
  messages,
  meta: {
    id: RULE_ID,
    type: "scanner",
    recommended: true,
    supportedContentTypes: ["text"],
  },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        const findings = findSecrets(source.content, { path: source.filePath ?? "" });
        if (findings.length === 0) return;
        const starts = lineStarts(source.content);
        for (const f of findings) {
          context.report({
            message: t("HUB_TOKEN", { kind: f.kind, redacted: f.redacted, fix: f.fix }),
            range: rangeOf(starts, f),
          });
        }
      },
    };
  },
};
