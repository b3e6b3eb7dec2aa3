import { APPLICANT_WORDS } from "../../glossary/acquisition";
import { legalRetentionFor } from "../../glossary/retention";
import { scanText } from "../../read/annual";
import { readRetention } from "../../read/retention";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";
import { holdsMyNumber } from "./keywords";

/**
 * A retention with no end (「永年」「無期限」「廃棄しない」) for a record no law gives a period:
 * J.9.1 asks that personal data no longer needed for its purpose be deleted without delay
 * (APPI 第22条 as an effort), unless a law fixes a retention period. Applicants' papers kept
 * 「永年」 get their own message (those not hired are returned or disposed of once the selection
 * ends). My Number records are ledger/mynumber-retention-indefinite's; a finite period that
 * merely looks long is left to a human, as no law gives a yardstick for it.
 */
export const ledgerRetentionIndefinite = defineRule({
  meta: {
    id: "ledger/retention-indefinite",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.9.1 / 個人情報保護法 第22条" },
    description: {
      ja: "法令で保存期間が定められていない個人情報の保管期間が「永年」など終わりのない記載になっている(応募書類の永年保管など)。",
      en: "A retention with no end (「永年」...) for personal information no law gives a retention period (applicants' papers kept forever...).",
    },
    messages: {
      indefinite: {
        ja: "「{{item}}」の保管期間に終わりがありません。法令で保存期間が定められていない個人情報は、利用目的を達成して不要になったら遅滞なく消去・廃棄することが求められます(構築・運用指針 J.9.1、個人情報保護法 第22条)。利用目的に合った保管期間を定めてください。",
        en: "\"{{item}}\" is kept with no end. Personal information no law requires keeping is to be deleted without delay once its purpose is achieved (guideline J.9.1, APPI Art. 22); set a retention that fits the purpose.",
      },
      indefiniteApplicant: {
        ja: "「{{item}}」は応募者の書類ですが、保管期間に終わりがありません。採用しなかった応募者の書類は、選考が終わって不要になったら返却または遅滞なく廃棄してください(構築・運用指針 J.9.1、個人情報保護法 第22条)。",
        en: "\"{{item}}\" holds applicants' papers and is kept with no end; return or dispose of the papers of applicants not hired once the selection is over (guideline J.9.1, APPI Art. 22).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const cell = ledgerCell(item, "retention");
      if (!readRetention(cell.value)?.indefinite) continue;
      const name = scanText(item.name.text || item.dataItems.text);
      if (legalRetentionFor(name) !== null || holdsMyNumber(item)) continue;
      const applicant = APPLICANT_WORDS.test(`${name} ${scanText(ledgerCell(item, "purpose").text)}`);
      ctx.report(applicant ? "indefiniteApplicant" : "indefinite", { sheet: item.sheet.name, row: item.row, col: cell.col }, { data: { item: item.label } });
    }
  },
});
