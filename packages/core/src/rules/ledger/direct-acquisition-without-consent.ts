import { DIRECT_WRITTEN_WORDS, INDIRECT_WORDS } from "../../glossary/acquisition";
import { nfkc } from "../../glossary/normalise";
import { defineRule } from "../define";
import { consentRecorded, flag } from "./consent";
import { ledgerCell } from "../fields";

export const ledgerDirectAcquisitionWithoutConsent = defineRule({
  meta: {
    id: "ledger/direct-acquisition-without-consent",
    area: "ledger",
    defaultSeverity: "error",
    clause: { ref: "構築・運用指針 J.8.5" },
    description: {
      ja: "本人から書面(申込書、Webフォーム、履歴書、アンケートなど)で直接取得しているのに、同意または明示が記録されていない。",
      en: "Acquired directly in writing from the person (forms, web forms, CVs, questionnaires) and neither consent nor notice is recorded.",
    },
    messages: {
      noConsent: {
        ja: "「{{item}}」は本人から書面で直接取得していますが、同意(または利用目的等の明示)が記録されていません(構築・運用指針 J.8.5)。",
        en: "\"{{item}}\" is acquired directly in writing from the person but neither consent nor notice of purpose is recorded (guideline J.8.5).",
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
      if (consent.recorded) continue;
      if (flag(item, "notice").value === true) continue;
      const at = consent.col >= 0 ? consent.col : method.col >= 0 ? method.col : source.col;
      ctx.report("noConsent", { sheet: item.sheet.name, row: item.row, col: at }, { data: { item: item.label } });
    }
  },
});
