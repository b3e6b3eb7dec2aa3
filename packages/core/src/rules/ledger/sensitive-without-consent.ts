import { defineRule } from "../define";
import { consentRecorded, entrustedAcquisition, flag, legalBasisRecorded } from "./consent";

/**
 * 要配慮個人情報 held with no consent recorded. The APPI (第20条第2項) requires prior consent with
 * exceptions: acquisition required by law (a health-check result from the 健診機関 under 労働安全衛生法),
 * and data received through entrustment, joint use or succession. P-mark still expects written
 * consent in principle (J.8.3), so the rule stays, but a row that records a legal basis
 * (「不要(安衛法に基づく)」) or an entrusted source is not reported.
 */
export const ledgerSensitiveWithoutConsent = defineRule({
  meta: {
    id: "ledger/sensitive-without-consent",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.8.3 / 個人情報保護法 第20条第2項" },
    description: {
      ja: "要配慮個人情報を保有しているのに、本人の同意も、同意を要しない法令上の根拠(法令に基づく取得、委託元からの受領など)も記録されていない。",
      en: "Special-care-required (要配慮) information is held and neither consent nor a legal basis that needs none (acquisition required by law, data received from the entrusting company...) is recorded.",
    },
    messages: {
      noConsent: {
        ja: "「{{item}}」は要配慮個人情報ですが、本人の同意が記録されていません。要配慮個人情報の取得には、法令に基づく場合などを除き、原則としてあらかじめ本人の同意が必要です(個人情報保護法 第20条第2項、構築・運用指針 J.8.3)。法令に基づく取得であれば、その根拠を同意欄などに記録してください。",
        en: "\"{{item}}\" is special-care-required information but no consent is recorded. Acquiring it needs the person's prior consent as a rule, unless the law requires or allows it (APPI Art. 20(2), guideline J.8.3); if it is acquired under a law, record that basis (e.g. in the consent cell).",
      },
      noConsentColumn: {
        ja: "「{{item}}」は要配慮個人情報ですが、台帳に本人同意の列がなく、同意またはその要否の根拠を確認できません(個人情報保護法 第20条第2項、構築・運用指針 J.8.3)。",
        en: "\"{{item}}\" is special-care-required information but the ledger has no consent column to record consent or why none is needed (APPI Art. 20(2), guideline J.8.3).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const sensitive = flag(item, "sensitive");
      if (sensitive.value !== true) continue;
      const consent = consentRecorded(item);
      if (consent.recorded || legalBasisRecorded(item) || entrustedAcquisition(item)) continue;
      ctx.report(
        consent.col >= 0 ? "noConsent" : "noConsentColumn",
        { sheet: item.sheet.name, row: item.row, col: consent.col >= 0 ? consent.col : sensitive.col },
        { data: { item: item.label } },
      );
    }
  },
});
