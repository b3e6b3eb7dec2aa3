import { defineRule } from "../define";
import { consentRecorded, flag } from "./consent";

export const ledgerSensitiveWithoutConsent = defineRule({
  meta: {
    id: "ledger/sensitive-without-consent",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.8.3 / 個人情報保護法 第20条第2項" },
    description: {
      ja: "要配慮個人情報を保有しているのに本人同意が記録されていない。",
      en: "Special-care-required (要配慮) information is held and consent is not recorded.",
    },
    messages: {
      noConsent: {
        ja: "「{{item}}」は要配慮個人情報ですが、本人の同意が記録されていません。要配慮個人情報の取得にはあらかじめ本人の同意が必要です(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" is special-care-required information but no consent is recorded; acquiring it needs the person's prior consent (guideline J.8.3).",
      },
      noConsentColumn: {
        ja: "「{{item}}」は要配慮個人情報ですが、台帳に本人同意の列がなく同意を確認できません(構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" is special-care-required information but the ledger has no consent column to record consent (guideline J.8.3).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const sensitive = flag(item, "sensitive");
      if (sensitive.value !== true) continue;
      const consent = consentRecorded(item);
      if (consent.recorded) continue;
      ctx.report(
        consent.col >= 0 ? "noConsent" : "noConsentColumn",
        { sheet: item.sheet.name, row: item.row, col: consent.col >= 0 ? consent.col : sensitive.col },
        { data: { item: item.label } },
      );
    }
  },
});
