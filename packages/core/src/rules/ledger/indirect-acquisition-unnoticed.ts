import { ENTRUSTED_ACQUISITION_WORDS, PUBLIC_SOURCE_WORDS, THIRD_PARTY_SOURCE_WORDS } from "../../glossary/acquisition";
import { NOTICE_WORDS, RECEIPT_CHECK_WORDS } from "../../glossary/vocabulary";
import { scanText } from "../../read/annual";
import { flagOf } from "../../model/records";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";

/**
 * Acquired other than directly from the person (from a client, a recruiter, an event organiser,
 * a list broker, or public sources). The purpose must then be notified or published (J.8.4, APPI
 * 第21条第1項), and data provided by a third party must be checked on receipt, with a record
 * (provider, how the provider obtained it: APPI 第30条). Data received from the entrusting company
 * or in a joint use is not acquisition from a third party and is left out. The notice and the
 * record live outside the ledger; the ledger should say that they exist (a notice column saying
 * 「HPで公表」, a note 「取得の経緯を確認・記録」), so a missing one is a warning.
 */
export const ledgerIndirectAcquisitionUnnoticed = defineRule({
  meta: {
    id: "ledger/indirect-acquisition-unnoticed",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.8.4 / 個人情報保護法 第21条第1項・第30条" },
    description: {
      ja: "本人以外(取引先、紹介会社、イベント主催者、公開情報など)から取得しているのに、利用目的の通知・公表、または第三者から受け取る際の確認の記録が台帳から分からない。",
      en: "Acquired from someone other than the person (a client, a recruiter, an event organiser, public sources...) and the ledger shows neither notice or publication of the purpose nor, for data a third party provided, a record of the check on receipt.",
    },
    messages: {
      noNotice: {
        ja: "「{{item}}」は本人以外から取得していますが、利用目的を本人に通知したこと、または公表していることが記録されていません。本人以外から取得した場合は、あらかじめ公表していない限り、速やかに利用目的を通知または公表してください(構築・運用指針 J.8.4、個人情報保護法 第21条第1項)。",
        en: "\"{{item}}\" is acquired from someone other than the person, but no notice or publication of the purpose is recorded; unless the purpose was published beforehand, notify the person or publish it promptly (guideline J.8.4, APPI Art. 21(1)).",
      },
      noReceiptCheck: {
        ja: "「{{item}}」は第三者から提供を受けていますが、受け取る際の確認(提供元の名称・住所、提供元が取得した経緯)とその記録が台帳から分かりません(個人情報保護法 第30条)。確認記録の保存先を記録してください。",
        en: "\"{{item}}\" is received from a third party, but the ledger does not show the check on receipt (the provider's name and address, how the provider obtained the data) and its record (APPI Art. 30); note where that record is kept.",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const method = ledgerCell(item, "acquisitionMethod");
      const source = ledgerCell(item, "source");
      // Each cell on its own: its folded text is the one the other rules asked for already.
      const how = [scanText(method.text), scanText(source.text)];
      if (how.some((t) => ENTRUSTED_ACQUISITION_WORDS.test(t))) continue;
      const fromThirdParty = how.some((t) => THIRD_PARTY_SOURCE_WORDS.test(t));
      if (!fromThirdParty && !how.some((t) => PUBLIC_SOURCE_WORDS.test(t))) continue;
      const notice = ledgerCell(item, "notice");
      const note = scanText(ledgerCell(item, "note").text);
      const at = (col: number) => ({ sheet: item.sheet.name, row: item.row, col: col >= 0 ? col : method.col >= 0 ? method.col : source.col });
      const noticed = flagOf(notice) === true || NOTICE_WORDS.test(scanText(notice.text)) || NOTICE_WORDS.test(note);
      if (!noticed) ctx.report("noNotice", at(notice.col), { data: { item: item.label } });
      if (!fromThirdParty) continue;
      const record = ledgerCell(item, "provisionRecord");
      if ([...how, note, scanText(record.text)].some((t) => RECEIPT_CHECK_WORDS.test(t))) continue;
      ctx.report("noReceiptCheck", at(source.col >= 0 ? source.col : method.col), { data: { item: item.label } });
    }
  },
});
