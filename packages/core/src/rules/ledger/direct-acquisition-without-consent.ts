import { DIRECT_WRITTEN_WORDS, INDIRECT_WORDS } from "../../glossary/acquisition";
import { nfkc } from "../../glossary/normalise";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";
import { consentRecorded, flag, legalBasisRecorded } from "./consent";

/**
 * Acquired directly in writing from the person (申込書, Webフォーム, 履歴書, アンケート…) with
 * neither consent nor notice recorded. The APPI asks for notice of the purpose (第21条第2項);
 * J.8.5 asks for notice and, in principle, consent. A row that records notice, consent or a
 * legal basis for acquiring without consent is not reported.
 */
export const ledgerDirectAcquisitionWithoutConsent = defineRule({
  meta: {
    id: "ledger/direct-acquisition-without-consent",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.8.5" },
    description: {
      ja: "本人から書面(申込書、Webフォーム、履歴書、アンケートなど)で直接取得しているのに、本人の同意も利用目的などの明示も記録されていない。",
      en: "Acquired directly in writing from the person (forms, web forms, CVs, questionnaires) and neither consent nor notice of the purpose is recorded.",
    },
    messages: {
      noConsent: {
        ja: "「{{item}}」は本人から書面で直接取得していますが、本人の同意も利用目的などの明示も記録されていません。書面で直接取得するときは、あらかじめ利用目的などを明示し、原則として本人の同意を得てください(構築・運用指針 J.8.5、個人情報保護法 第21条第2項)。法令に基づく取得など同意を要しない場合は、その根拠を記録してください。",
        en: "\"{{item}}\" is acquired directly in writing from the person but neither consent nor notice of the purpose is recorded. State the purpose beforehand and, as a rule, obtain consent (guideline J.8.5, APPI Art. 21(2)); where the law makes consent unnecessary, record that basis.",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const method = ledgerCell(item, "acquisitionMethod");
      const source = ledgerCell(item, "source");
      const how = `${nfkc(method.text)} ${nfkc(source.text)}`;
      if (!DIRECT_WRITTEN_WORDS.test(how) || INDIRECT_WORDS.test(how)) continue;
      const consent = consentRecorded(item);
      if (consent.recorded || legalBasisRecorded(item)) continue;
      if (flag(item, "notice").value === true) continue;
      const at = consent.col >= 0 ? consent.col : method.col >= 0 ? method.col : source.col;
      ctx.report("noConsent", { sheet: item.sheet.name, row: item.row, col: at }, { data: { item: item.label } });
    }
  },
});
