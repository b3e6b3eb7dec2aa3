import { PROVISION_RECORD_WORDS } from "../../glossary/parties";
import { scanText } from "../../read/annual";
import { flagOf, truncate } from "../../model/records";
import { defineRule } from "../define";
import { ledgerCell } from "../fields";
import { legalBasisRecorded } from "./consent";
import { recipientsOf } from "./recipients";

/**
 * A third-party recipient with no provision record (APPI 第29条: the provider records each
 * provision and keeps the record). Where the record is kept is read from a provision-record
 * column (提供記録), or words in the recipient or note cell (「提供記録あり」「記録簿で管理」).
 * Not reported: provision the law requires (税務署, 市区町村…: 第27条第1項, exempt from the record)
 * and entrustment or joint use (第27条第5項: no provision). A recipient that looks like a service
 * provider (宅配業者, 印刷会社…) gets a hint that it is probably a 委託先 instead. A warning: the
 * record itself lives outside the ledger, which only says where it is.
 */
export const ledgerProvisionUnrecorded = defineRule({
  meta: {
    id: "ledger/provision-unrecorded",
    area: "ledger",
    defaultSeverity: "warning",
    clause: { ref: "構築・運用指針 J.8.8 / 個人情報保護法 第29条" },
    description: {
      ja: "第三者提供先があるのに、提供の記録(個人情報保護法 第29条)を作成・保存していることが台帳から分からない。配送・印刷など委託と見られる提供先には、委託先として記録するよう促す。",
      en: "A third-party recipient with no sign in the ledger of the provision record the APPI (Art. 29) requires; a recipient that looks like a service provider (delivery, printing...) gets a hint that it is probably a contractor.",
    },
    messages: {
      noRecord: {
        ja: "「{{item}}」は「{{party}}」へ第三者提供していますが、提供の記録を作成・保存していることが台帳から分かりません。第三者提供の記録(提供年月日・提供先・本人・項目など)を作成して保存し、その保存先を台帳に記録してください(個人情報保護法 第29条、構築・運用指針 J.8.8)。",
        en: "\"{{item}}\" is provided to \"{{party}}\", a third party, but the ledger does not show that a provision record is made and kept; make and keep the record (date, recipient, person, items...) and note in the ledger where it is (APPI Art. 29, guideline J.8.8).",
      },
      maybeEntrusted: {
        ja: "「{{item}}」の提供先「{{party}}」は、業務を任せる委託先のように見えます。委託であれば第三者提供ではないため、提供先ではなく委託先として記録し、委託先の評価と契約を行ってください。第三者提供であれば提供の記録が必要です(個人情報保護法 第27条第5項第1号・第29条)。",
        en: "Recipient \"{{party}}\" of \"{{item}}\" looks like a service provider doing work for the company: if it is an entrustment, it is no third-party provision, so record it as a contractor, then evaluate it and sign an agreement; if it is a provision, it needs a provision record (APPI Art. 27(5)(i), Art. 29).",
      },
    },
  },
  check(ctx) {
    for (const item of ctx.model.ledgerItems) {
      const { thirdParties, serviceProviders } = recipientsOf(item);
      const [third] = thirdParties;
      const [entrusted] = serviceProviders;
      const at = { sheet: item.sheet.name, row: item.row, col: item.recipient.col };
      if (entrusted !== undefined) ctx.report("maybeEntrusted", at, { data: { item: item.label, party: truncate(entrusted, 30) } });
      if (third === undefined || legalBasisRecorded(item)) continue;
      const text = scanText(item.recipient.text);
      const record = ledgerCell(item, "provisionRecord");
      if (flagOf(record) === true || PROVISION_RECORD_WORDS.test(text) || PROVISION_RECORD_WORDS.test(scanText(ledgerCell(item, "note").text))) continue;
      ctx.report("noRecord", record.col >= 0 ? { ...at, col: record.col } : at, { data: { item: item.label, party: truncate(third, 30) } });
    }
  },
});
